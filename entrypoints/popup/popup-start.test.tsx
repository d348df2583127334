// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../lib/db/database';
import { readSegmentOverview } from '../../lib/db/segment-overview';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { memoryDraftStore } from './editor/draft-store';
import { FIRST_ROWS } from './list/segment-list';
import { PopupApp } from './popup-app';
import { TEST_USER, fakeBackground, freshDbPerTest, makeSegment, renderPopup } from './test-kit';

let db: CrmSegmentsDB;
freshDbPerTest((fresh) => (db = fresh));

const segmentRows = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('segment-row'));

describe('popup start', () => {
  it('paints the counts read before the first render in that render, without asking who is signed in again', async () => {
    await db.segments.bulkPut([makeSegment({ name: 'Hot leads', memberCount: 1234 }), makeSegment({ name: 'Cold leads', memberCount: 7 })]);
    const overview = await readSegmentOverview(db);
    expect(overview.segments.map((s) => s.memberCount).sort((a, b) => a - b)).toEqual([7, 1234]);
    const background = fakeBackground();
    render(
      <BackgroundProvider send={background.send}>
        <DbProvider db={db}>
          <PopupApp draftStore={memoryDraftStore()} getActiveTabUrl={async () => undefined} initial={{ overview, user: { ok: true, data: TEST_USER } }} />
        </DbProvider>
      </BackgroundProvider>,
    );
    // Synchronously, in the first render: no loading state in between.
    expect(screen.getByText('1,234 members')).toBeTruthy();
    expect(screen.getByText('7 members')).toBeTruthy();
    await waitFor(() => expect(background.of('getSyncStatus')).toHaveLength(1));
    expect(background.of('getCurrentUser')).toEqual([]);
  });

  it(`shows every row of a list longer than the ${FIRST_ROWS} of the first frame`, async () => {
    const count = FIRST_ROWS + 8;
    await db.segments.bulkPut(Array.from({ length: count }, (_, i) => makeSegment({ name: `Segment ${String(i).padStart(2, '0')}` })));
    renderPopup(db, fakeBackground().send);
    await waitFor(() => expect(segmentRows().length).toBeGreaterThan(0));
    await waitFor(() => expect(segmentRows()).toHaveLength(count));
    expect(segmentRows().at(-1)?.querySelector('.segment-name')?.textContent).toBe(`Segment ${count - 1}`);
  });
});
