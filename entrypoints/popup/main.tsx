import { render } from 'preact';
import { takeEarlyRead } from '../../lib/db/early-read';
import { PopupFirstFrame, storedSegmentSort } from './first-frame';
import { hasKeptDraft } from './editor/draft-key';

// The popup's entry module (issue 10: popup counts visible). It holds only Preact, the raw early
// read and the first frame, so it arrives and runs before the full app's chunks (Dexie, Zod, the
// Temporal polyfill), whose loading starts at once. When the early read (popup-early.ts) answers
// first, with who is signed in, the first frame draws the user's segments and their counts; the
// full app then renders over it with the same read. No early read (no database yet, an older
// version, an unreadable identity): the full app alone, as before.
const early = takeEarlyRead();
let appStarted = false;
void import('./app-start').then((module) => {
  appStarted = true;
  return module.startPopup(early);
});

void early.then((read) => {
  // A kept editor draft reopens the editor: a list drawn first would flash before it.
  if (appStarted || !read?.user || hasKeptDraft()) return;
  // Benchmarks and traces read when the first frame was drawn from the performance timeline.
  globalThis.performance?.mark?.('popup:first-frame');
  render(<PopupFirstFrame overview={read.overview} user={read.user} sort={storedSegmentSort()} now={Date.now()} />, document.getElementById('app')!);
});
