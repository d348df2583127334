// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEADS, makeSegment, seededPanelDatabase } from '../../components/members/test-fixtures';
import type { CrmSegmentsDB } from '../../lib/db/database';
import { putJob, refreshJobId } from '../../lib/db/jobs';
import * as memberRows from '../../lib/db/member-rows';
import { addMemberships } from '../../lib/db/memberships';
import { testLead } from '../../lib/format/test-leads';
import type { SendToBackground } from '../../lib/messaging/client';
import type { RefreshJob } from '../../lib/schema';
import { SidePanelApp, type PanelStart } from './App';
import { readSegmentOverview } from '../../lib/db/segment-overview';
import { FIRST_PAGE } from '../../components/members/use-member-list';

const database = seededPanelDatabase();
let db: CrmSegmentsDB;
beforeEach(() => {
  db = database();
});
afterEach(() => {
  vi.restoreAllMocks();
});
const send = vi.fn(async () => ({ ok: true, data: {} })) as unknown as SendToBackground;

function renderPanel(segmentId: string, copy?: (text: string) => Promise<void>, initial?: PanelStart) {
  return render(
    <SidePanelApp
      db={db}
      send={send}
      initialTarget={{ segmentId }}
      locale="en-US"
      timeZone="UTC"
      initialRect={{ width: 1200, height: 600 }}
      copy={copy}
      initial={initial}
    />,
  );
}

const memberRowCount = () => screen.queryAllByRole('row').filter((row) => row.hasAttribute('data-lead-id')).length;
const status = () => document.querySelector('p.showing')?.textContent ?? '';

/** Holds every chunked member read until `release()` (the first page is not held). */
function holdChunkedReads() {
  const original = memberRows.readMemberLeads;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const spy = vi.spyOn(memberRows, 'readMemberLeads').mockImplementation(async (...args) => {
    await gate;
    return original(...args);
  });
  return { spy, release };
}

describe('side panel paging', () => {
  it('paints the first page of a large segment before the rest of its members are read', async () => {
    const leads = Array.from({ length: 250 }, (_, i) => testLead(`p${String(i).padStart(3, '0')}`, { name: `Member ${String(i).padStart(3, '0')}` }));
    await db.leads.bulkPut(leads);
    await db.segments.put(makeSegment('big', 'Big', { combinator: 'and', rules: [] }, { memberCount: 250 }));
    await addMemberships(db, leads.map((lead) => ({ segmentId: 'big', leadId: lead.id, addedAt: 1 })));
    const held = holdChunkedReads();

    renderPanel('big');
    await waitFor(() => expect(status()).toBe('Loading members… 100 of 250'));
    expect(memberRowCount()).toBeGreaterThan(0);
    expect(screen.getByText('Member 000')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);

    held.release();
    await waitFor(() => expect(status()).toBe('Showing 250 of 250 members'));
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false);
    // The first page's 100 leads are not read again.
    expect(held.spy.mock.calls.flatMap((call) => call[1]).length).toBe(150);
  });

  it('shows the first page read before the first render in that render, and reads only the rest', async () => {
    const leads = Array.from({ length: 250 }, (_, i) => testLead(`p${String(i).padStart(3, '0')}`, { name: `Member ${String(i).padStart(3, '0')}` }));
    await db.leads.bulkPut(leads);
    await db.segments.put(makeSegment('big', 'Big', { combinator: 'and', rules: [] }, { memberCount: 250 }));
    await addMemberships(db, leads.map((lead) => ({ segmentId: 'big', leadId: lead.id, addedAt: 1 })));
    const [overview, members] = await Promise.all([readSegmentOverview(db), memberRows.firstMemberPage(db, 'big', FIRST_PAGE)]);
    const firstPages = vi.spyOn(memberRows, 'firstMemberPage');
    const held = holdChunkedReads();

    renderPanel('big', undefined, { overview, firstPage: { segmentId: 'big', members } });
    // Synchronously, in the first render: the rows, no loading state.
    expect(screen.getByText('Member 000')).toBeTruthy();
    expect(memberRowCount()).toBeGreaterThan(0);
    held.release();
    await waitFor(() => expect(status()).toBe('Showing 250 of 250 members'));
    expect(firstPages).not.toHaveBeenCalled();
    expect(held.spy.mock.calls.flatMap((call) => call[1]).length).toBe(150);
  });

  it('says "Refreshing… N of M leads checked" during a refresh, marks counts provisional and applies the change once at the end', async () => {
    const reads = vi.spyOn(memberRows, 'readMemberLeads');
    renderPanel('hot');
    await waitFor(() => expect(status()).toBe('Showing 3 of 3 members'));
    const job: RefreshJob = {
      id: refreshJobId('hot'),
      kind: 'refresh',
      segmentId: 'hot',
      rulesVersion: 1,
      processed: 0,
      total: 4,
      startedAt: 1,
      updatedAt: 1,
      now: 1,
    };
    await putJob(db, job);
    await screen.findByText('Refreshing… 0 of 4 leads checked');
    await waitFor(() => expect(status()).toBe('Showing 3 of 3 members (provisional)'));
    expect(document.querySelector('.summary-count[data-provisional]')?.textContent).toBe('3 members (provisional)');

    // Chunks commit: a member joins, the job moves on; the list is not re-read per chunk.
    const readsBefore = reads.mock.calls.length;
    await addMemberships(db, [{ segmentId: 'hot', leadId: LEADS[3]!.id, addedAt: 5 }]);
    await putJob(db, { ...job, processed: 2, cursor: LEADS[1]!.id });
    await screen.findByText('Refreshing… 2 of 4 leads checked');
    expect(status()).toBe('Showing 3 of 3 members (provisional)');
    expect(reads.mock.calls.length).toBe(readsBefore);

    // Done: the job row goes; the difference (one lead) is read once.
    await db.jobs.delete(job.id);
    await waitFor(() => expect(status()).toBe('Showing 4 of 4 members'));
    expect(screen.queryByText(/Refreshing…/)).toBeNull();
    expect(reads.mock.calls.slice(readsBefore).map((call) => call[1].map((m) => m.leadId))).toEqual([[LEADS[3]!.id]]);
  });

  it('shows an edit of a member on screen without re-reading the member list', async () => {
    const reads = vi.spyOn(memberRows, 'readMemberLeads');
    renderPanel('hot');
    await waitFor(() => expect(status()).toBe('Showing 3 of 3 members'));
    const readsBefore = reads.mock.calls.length;
    await db.leads.put({ ...LEADS[1]!, name: 'Ben Renamed' });
    await screen.findByText('Ben Renamed');
    expect(screen.queryByText('Ben Carter')).toBeNull();
    expect(reads.mock.calls.length).toBe(readsBefore);
  });

  it('"Copy emails" leaves out members tagged do-not-email and warns', async () => {
    await db.leads.put({ ...LEADS[1]!, tags: ['Do-Not-Email'] });
    const copy = vi.fn(async (_text: string) => undefined);
    renderPanel('hot', copy);
    await waitFor(() => expect(status()).toBe('Showing 3 of 3 members'));
    await userEvent.click(screen.getByRole('button', { name: 'Copy emails' }));
    await screen.findByText(/^Copied 2 emails to the clipboard\. Not included/);
    expect(copy).toHaveBeenCalledWith(['asha.rao@example.com', 'chen.wei@example.com'].join('\n'));
    expect(screen.getByText(/1 member is tagged do-not-email and left out/)).toBeTruthy();
  });
});
