import { render } from 'preact';
import { openDatabase } from '../../lib/db/database';
import { sendToBackground } from '../../lib/messaging/client';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { webStorageDraftStore } from './editor/draft-store';
import { activeTabUrl } from './header/active-tab';
import { primeCurrentWindow } from './list/current-window';
import { PopupApp, type PopupStart } from './popup-app';
import { readSegmentOverview } from '../../lib/db/segment-overview';
import type { EarlyRead } from '../../lib/db/early-read';
import type { CurrentUser, Result } from '../../lib/messaging/protocol';

const db = openDatabase();
primeCurrentWindow();

/** Renders the popup with what was read while it started (the live queries take over from there). */
function show(initial: PopupStart): void {
  render(
    <BackgroundProvider send={sendToBackground}>
      <DbProvider db={db}>
        <PopupApp draftStore={webStorageDraftStore()} getActiveTabUrl={activeTabUrl} initial={initial} />
      </DbProvider>
    </BackgroundProvider>,
    document.getElementById('app')!,
  );
}

/** Longest the first render waits for the early reads; past it the popup shows "Loading segments…". */
const START_WAIT_MS = 300;
const atMost = <T,>(work: Promise<T>): Promise<T | undefined> =>
  Promise.race([work.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, START_WAIT_MS))]);

/**
 * Starts the full popup (main.tsx imports this module when the page opens): the segment rows and
 * the signed-in user are read before its first render, so that render shows the counts (issue 10:
 * popup counts visible). What fails or is late is left to the live queries and the identity hook,
 * which then show progress or the error. Both come from `early`, the raw read main.tsx took
 * (popup-early.ts started it); else the rows from Dexie and the user from the background (a round
 * trip, and maybe the service worker's start). Resolves once rendered.
 */
export function startPopup(early: Promise<EarlyRead | undefined>): Promise<void> {
  const overview = early.then((read) => read?.overview ?? readSegmentOverview(db));
  const user = early.then((read): Promise<Result<CurrentUser>> => (read?.user ? Promise.resolve({ ok: true, data: read.user }) : sendToBackground('getCurrentUser', {})));
  return Promise.all([atMost(overview), atMost(user)]).then(([overview, user]) =>
    show({ ...(overview ? { overview } : {}), ...(user ? { user } : {}) }),
  );
}
