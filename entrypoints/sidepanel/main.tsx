import './style.css';
import { render } from 'preact';
import { openDatabase } from '../../lib/db/database';
import { sendToBackground } from '../../lib/messaging/client';
import { SidePanelApp, type PanelStart } from './App';
import { readSegmentOverview } from '../../lib/db/segment-overview';
import { takeEarlyRead } from '../../lib/db/early-read';
import { firstMemberPage } from '../../lib/db/member-rows';
import { FIRST_PAGE } from '../../components/members/use-member-list';
import { searchForTarget, targetFromSearch, type PanelTarget } from './navigation';
import { browserNavigationSource } from './navigation-source';

/** Mirrors the current view into the URL so a reload shows the same segment and lead. */
function rememberInUrl(target: PanelTarget): void {
  history.replaceState(null, '', `${location.pathname}${searchForTarget(target)}`);
}

const db = openDatabase();
const initialTarget = targetFromSearch(location.search);

/** Longest the first render waits for the early reads; past it the panel shows its loading states. */
const START_WAIT_MS = 300;
const atMost = <T,>(work: Promise<T>): Promise<T | undefined> =>
  Promise.race([work.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, START_WAIT_MS))]);

/** Renders the panel with what was read while it started (its live queries take over from there). */
function show(initial: PanelStart): void {
  render(
    <SidePanelApp
      db={db}
      send={sendToBackground}
      initialTarget={initialTarget}
      navigation={browserNavigationSource()}
      onTargetChange={rememberInUrl}
      initial={initial}
    />,
    document.getElementById('app')!,
  );
}

// The segment rows and the first page of the segment's members (its first block and their leads)
// are read at once, before the first render, so the first frame with data shows the first rows
// (issue 10: side panel first rows); what fails or is late is left to the live queries.
// Both come from the raw read sidepanel.html's first script started (sidepanel-early.ts), else from Dexie.
const { segmentId } = initialTarget;
const early = takeEarlyRead();
const overview = early.then((read) => read?.overview ?? readSegmentOverview(db));
const firstPage = (id: string) => early.then((read) => (read?.firstPage?.segmentId === id ? read.firstPage.members : undefined) ?? firstMemberPage(db, id, FIRST_PAGE));
void Promise.all([atMost(overview), segmentId ? atMost(firstPage(segmentId)) : undefined]).then(
  ([overview, members]) => show({ ...(overview ? { overview } : {}), ...(segmentId && members ? { firstPage: { segmentId, members } } : {}) }),
);
