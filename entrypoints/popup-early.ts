import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyRead } from '../lib/db/early-read';

/**
 * The popup's first script (popup/index.html loads it before the app's modules): starts reading
 * the segment rows with raw IndexedDB while Dexie, Preact and the components still load and
 * evaluate (issue 10: popup counts visible). popup/main.tsx renders with what it read.
 */
export default defineUnlistedScript(() => startEarlyRead());
