import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyRead } from '../lib/db/early-read';

/**
 * Members read before the side panel's first render: `FIRST_PAGE` of
 * components/members/use-member-list (sidepanel/early-page.test.ts keeps the two equal; importing it
 * here would bundle the list's modules into this script).
 */
export const EARLY_FIRST_PAGE = 100;

/**
 * The side panel's first script (sidepanel/index.html loads it before the app's modules): starts
 * reading the segment rows and the first page of the `?segment=` members with raw IndexedDB while
 * Dexie, Preact and the components still load and evaluate (issue 10: side panel first rows).
 * sidepanel/main.tsx renders with what it read.
 */
export default defineUnlistedScript(() => {
  const segmentId = new URLSearchParams(location.search).get('segment')?.trim() || undefined;
  startEarlyRead(segmentId ? { segmentId, limit: EARLY_FIRST_PAGE } : {});
});
