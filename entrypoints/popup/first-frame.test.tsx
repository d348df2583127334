// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentOverview } from '../../lib/db/segment-overview';
import type { RefreshJob, Segment } from '../../lib/schema';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { CrmSegmentsDB } from '../../lib/db/database';
import { memoryDraftStore } from './editor/draft-store';
import { PopupFirstFrame, storedSegmentSort } from './first-frame';
import { SORT_KEY } from './list/sort-segments';
import { PopupApp } from './popup-app';
import { TEST_USER, fakeBackground, makeSegment } from './test-kit';

const HOUR = 3_600_000;
const job = (segmentId: string, processed: number, total: number): RefreshJob => ({
  id: `job-${segmentId}`,
  kind: 'refresh',
  segmentId,
  rulesVersion: 1,
  processed,
  total,
  startedAt: Date.now(),
  updatedAt: Date.now(),
  now: Date.now(),
});

/** Every element of each segment row as "tag.classes: own text", in document order. */
function rowsOf(container: Element): string[][] {
  return [...container.querySelectorAll('li.segment-row')].map((li) =>
    [li, ...li.querySelectorAll('*')].map((el) => {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${own}`;
    }),
  );
}

let db: CrmSegmentsDB;
beforeEach(() => {
  db = new CrmSegmentsDB(`first-frame-${Math.random()}`);
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  db.close();
});

/** The real popup's first render with `overview` (as app-start.tsx renders it). */
function renderApp(overview: SegmentOverview) {
  return render(
    <BackgroundProvider send={fakeBackground().send}>
      <DbProvider db={db}>
        <PopupApp draftStore={memoryDraftStore()} getActiveTabUrl={async () => undefined} initial={{ overview, user: { ok: true, data: TEST_USER } }} />
      </DbProvider>
    </BackgroundProvider>,
  );
}

const overviewOf = (segments: Segment[], jobs: RefreshJob[] = []): SegmentOverview => ({ segments, campaigns: [], customFields: [], jobs });

describe('popup first frame', () => {
  const segments = [
    makeSegment({ id: 'a', name: 'Hot leads', description: 'Ready to buy', memberCount: 1234, lastRefreshedAt: Date.now() - 3 * HOUR }),
    makeSegment({ id: 'b', name: 'Big refresh', memberCount: 1, lastRefreshedAt: undefined }),
    makeSegment({ id: 'c', name: 'Cold leads', memberCount: 0, status: 'inactive', error: 'Rules use a deleted field' }),
    makeSegment({ id: 'd', name: 'Not refreshed', memberCount: 250_000 }),
    makeSegment({ id: 'e', name: 'Someone else’s', ownerId: 'u2', ownerName: 'Otto', memberCount: 99 }),
  ];
  const jobs = [job('b', 4000, 9240)];

  it('draws the rows with the markup and texts of the real list (counts, provisional, refresh progress, inactive, error)', () => {
    const app = renderApp(overviewOf(segments, jobs));
    const expected = rowsOf(app.container);
    cleanup();
    const frame = render(<PopupFirstFrame overview={overviewOf(segments, jobs)} user={TEST_USER} sort="name" now={Date.now()} />);
    const rows = rowsOf(frame.container);
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.find((line) => line.startsWith('span.segment-count')))).toEqual([
      'span.segment-count.is-provisional: 1 member (provisional)',
      'span.segment-count: 0 members',
      'span.segment-count: 1,234 members',
      'span.segment-count: 250,000 members',
    ]);
    expect(rows[0]).toContain('span.: Refreshing… 4,000 of 9,240 leads checked');
    expect(rows[2]).toContain('span.: Refreshed 3 hours ago');
  });

  it('shows only the user’s own segments, in the stored sort order, and the same toolbar', () => {
    localStorage.setItem(SORT_KEY, 'members');
    expect(storedSegmentSort()).toBe('members');
    const frame = render(<PopupFirstFrame overview={overviewOf(segments)} user={TEST_USER} sort={storedSegmentSort()} now={Date.now()} />);
    expect([...frame.container.querySelectorAll('.segment-name')].map((el) => el.textContent)).toEqual(['Not refreshed', 'Hot leads', 'Big refresh', 'Cold leads']);
    expect(frame.container.querySelector('.toolbar-title')?.textContent).toBe('Segments 4');
  });

  it('falls back to sorting by name when the stored order is unknown', () => {
    localStorage.setItem(SORT_KEY, 'size');
    expect(storedSegmentSort()).toBe('name');
  });

  it('draws the empty state of a user without segments with the real list’s words', () => {
    const app = renderApp(overviewOf([]));
    const expected = app.container.querySelector('.empty-state')?.textContent;
    cleanup();
    const frame = render(<PopupFirstFrame overview={overviewOf([])} user={TEST_USER} sort="name" now={Date.now()} />);
    expect(expected).toContain('No segments yet');
    expect(frame.container.querySelector('.empty-state')?.textContent).toBe(expected);
  });

  it('draws the header and tabs with the markup and texts of the real popup’s first render', () => {
    const outline = (container: Element) =>
      [...container.querySelectorAll('.popup-header, .popup-header *, .popup-tabs, .popup-tabs *')].map((el) => {
        const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
        return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${own}`;
      });
    const frame = render(<PopupFirstFrame overview={overviewOf(segments, jobs)} user={TEST_USER} sort="name" now={Date.now()} />);
    const drawn = outline(frame.container);
    cleanup();
    const app = renderApp(overviewOf(segments, jobs));
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn).toEqual(outline(app.container));
  });

  it('is inert and hidden from assistive technology, so role queries find only the full app', () => {
    const frame = render(<PopupFirstFrame overview={overviewOf(segments)} user={TEST_USER} sort="name" now={Date.now()} />);
    expect(frame.container.querySelectorAll('li.segment-row')).toHaveLength(4);
    expect(screen.queryAllByRole('listitem')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Sync all' })).toBeNull();
    const root = frame.container.firstElementChild as HTMLElement;
    expect(root.getAttribute('aria-hidden')).toBe('true');
    expect(root.hasAttribute('inert')).toBe(true);
  });
});
