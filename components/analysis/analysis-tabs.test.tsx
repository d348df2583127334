// @vitest-environment jsdom
/**
 * The side panel's Analysis and Compare tabs after several simulated days: a fake clock drives
 * real ingests and refreshes (lib/segments) day by day, then the panel renders what they recorded.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPanelTestDatabase } from '../members/test-fixtures';
import type { CrmSegmentsDB } from '../../lib/db/database';
import { setConvertedStatuses } from '../../lib/db/analysis-settings';
import { testLead } from '../../lib/format/test-leads';
import type { SendToBackground } from '../../lib/messaging/client';
import type { Lead, Segment } from '../../lib/schema';
import { ingestLeads } from '../../lib/segments/ingest';
import { createSegment } from '../../lib/segments/segment-editing';
import { SidePanelApp, type SidePanelAppProps } from '../../entrypoints/sidepanel/App';
import type { PanelTarget } from '../../entrypoints/sidepanel/navigation';
import { runPendingJobs } from '../../lib/segments/test-support';

/** Day n of the simulation at 12:00 UTC; day 0 is 2024-06-10, "today" is day 5. */
const day = (n: number) => Date.UTC(2024, 5, 10 + n, 12);
const TODAY = day(5);
const send = vi.fn(async () => ({ ok: true, data: {} })) as unknown as SendToBackground;
const owner = { userId: 'u1', name: 'Ana Owner', orgId: 'org' };
const lead = (crmId: string, source: string, status: string): Lead => testLead(crmId, { name: `Lead ${crmId}`, source, status });
const sourceIs = (value: string) => ({ combinator: 'and' as const, rules: [{ field: 'source', operator: 'equals', value }] });

let db: CrmSegmentsDB;
let direct: Segment;

/** Five simulated days through the real write paths (ingest at each day's clock, refresh on create). */
async function simulateDays(): Promise<void> {
  const at = (n: number) => ({ now: day(n), timeZone: 'UTC' });
  await ingestLeads(
    db,
    [lead('1', 'Google', 'Converted'), lead('2', 'Google', 'New'), lead('3', 'Google', 'Won'), lead('4', 'Direct', 'Converted'), lead('5', 'Direct', 'New'), lead('6', 'Google', 'Contacted')],
    at(0),
  );
  await createSegment(db, { name: 'Google', description: '', color: '#2563eb', rules: sourceIs('Google'), status: 'active' }, owner, { now: day(0) });
  direct = await createSegment(db, { name: 'Direct', description: '', color: '#16a34a', rules: sourceIs('Direct'), status: 'active' }, owner, { now: day(0) });
  await runPendingJobs(db, { timeZone: 'UTC', clock: () => day(0) });
  await ingestLeads(db, [lead('7', 'Google', 'Customer'), lead('2', 'Direct', 'New')], at(2)); // Google +7 −2, Direct +2
  await ingestLeads(db, [lead('8', 'Direct', 'New')], at(4)); // Direct +8
}

beforeEach(async () => {
  db = openPanelTestDatabase();
  await simulateDays();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
});

afterEach(async () => {
  vi.useRealTimers();
  cleanup();
  db.close();
  await db.delete();
});

function renderPanel(segmentId: string, props: Partial<SidePanelAppProps> = {}) {
  return render(
    <SidePanelApp db={db} send={send} initialTarget={{ segmentId }} locale="en-US" timeZone="UTC" initialRect={{ width: 1200, height: 600 }} {...props} />,
  );
}

describe('Analysis tab', () => {
  it('shows the conversion rate, the 7/30-day changes and the growth chart of several days', async () => {
    const user = userEvent.setup();
    renderPanel(direct.id);
    await user.click(await screen.findByRole('tab', { name: 'Analysis' }));
    expect(screen.getByRole('tab', { name: 'Analysis' }).getAttribute('aria-selected')).toBe('true');

    // Direct: leads 2 (New), 4 (Converted), 5 (New), 8 (New).
    expect(await screen.findByText('Conversion rate 25.0%')).toBeTruthy();
    expect(screen.getByText(/1 of 4 members have a converted status/)).toBeTruthy();
    const changes = screen.getByRole('table', { name: 'Membership changes' });
    const week = within(changes).getByRole('row', { name: /Last 7 days/ });
    expect(week.textContent).toBe('Last 7 days+40');

    const chart = screen.getByRole('img');
    expect(chart.getAttribute('data-days')).toBe('6');
    expect(chart.getAttribute('aria-label')).toBe(
      'Member count of Direct over 6 days, Jun 10, 2024 to Jun 15, 2024: 2 members to 4 members (+2). ' +
        'Highest 4 on Jun 14, 2024, lowest 2 on Jun 10, 2024.',
    );
    expect(screen.getByText(/Jun 15, 2024/, { selector: 'strong' }).parentElement?.textContent).toBe('Jun 15, 2024 · 4 members');

    // Keyboard: Home shows the first day, ArrowRight ×2 the day lead 2 joined.
    chart.focus();
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}');
    expect(screen.getByText(/Jun 12, 2024/, { selector: 'strong' }).parentElement?.textContent).toBe('Jun 12, 2024 · 3 members (+1 added, 0 removed)');

    await user.click(screen.getByText('Daily figures'));
    const daily = within(screen.getByText('Daily figures').parentElement!).getByRole('table');
    expect(
      within(daily)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Jun 15, 2024400', 'Jun 14, 2024410', 'Jun 13, 2024300', 'Jun 12, 2024310', 'Jun 11, 2024200', 'Jun 10, 2024220']);
  });

  it('follows the converted-statuses setting live', async () => {
    const user = userEvent.setup();
    renderPanel(direct.id);
    await user.click(await screen.findByRole('tab', { name: 'Analysis' }));
    expect(await screen.findByText('Conversion rate 25.0%')).toBeTruthy();
    await setConvertedStatuses(db, ['new']);
    expect(await screen.findByText('Conversion rate 75.0%')).toBeTruthy();
  });

  it('moves between tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    renderPanel(direct.id);
    const members = await screen.findByRole('tab', { name: 'Members' });
    expect(members.getAttribute('aria-selected')).toBe('true');
    members.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Analysis' }));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Analysis' }).id);
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Compare' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Members' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('tab navigation', () => {
  it('opens on the tab the URL asks for, mirrors tab changes and shows members for a lead or "Show members"', async () => {
    const user = userEvent.setup();
    const changes: PanelTarget[] = [];
    let push: (target: PanelTarget) => void = () => undefined;
    renderPanel(direct.id, {
      initialTarget: { segmentId: direct.id, view: 'analysis' },
      onTargetChange: (target) => changes.push(target),
      navigation: { initial: async () => null, subscribe: (onTarget) => ((push = onTarget), () => undefined) },
    });
    expect((await screen.findByRole('tab', { name: 'Analysis' })).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Conversion rate 25.0%')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    expect(changes.at(-1)).toEqual({ segmentId: direct.id, view: 'compare' });
    // Another segment from the picker keeps the tab.
    const google = (await db.segments.toArray()).find((s) => s.name === 'Google')!;
    await user.selectOptions(screen.getByLabelText('Segment'), google.id);
    expect(changes.at(-1)).toEqual({ segmentId: google.id, view: 'compare' });
    expect(screen.getByRole('tab', { name: 'Compare' }).getAttribute('aria-selected')).toBe('true');

    // A background request ("Show members": the source adds view members) switches back.
    push({ segmentId: google.id, view: 'members' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Members' }).getAttribute('aria-selected')).toBe('true'));
    expect(changes.at(-1)).toEqual({ segmentId: google.id });
    push({ segmentId: google.id, view: 'analysis' });
    expect(await screen.findByText('Conversion rate 75.0%')).toBeTruthy();
    push({ segmentId: google.id, leadId: 'demo@test/1' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Members' }).getAttribute('aria-selected')).toBe('true'));
  });
});

describe('Compare tab', () => {
  const order = () =>
    within(screen.getByRole('table', { name: 'Compare segments' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);

  it('ranks every segment by conversion rate and sorts by any column', async () => {
    const user = userEvent.setup();
    renderPanel(direct.id);
    await user.click(await screen.findByRole('tab', { name: 'Compare' }));
    const table = await screen.findByRole('table', { name: 'Compare segments' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, ''))).toEqual([
      'Segment',
      'Members',
      'Added (30 days)',
      'Removed (30 days)',
      'Conversion rate',
    ]);
    // Google: 1 Converted, 3 Won, 6 Contacted, 7 Customer → 75%; Direct 25%.
    await waitFor(() => expect(order()).toEqual(['Google45175.0%', 'Direct44025.0%']));
    const rate = within(table).getByRole('columnheader', { name: /Conversion rate/ });
    expect(rate.getAttribute('aria-sort')).toBe('descending');

    await user.click(within(rate).getByRole('button'));
    expect(rate.getAttribute('aria-sort')).toBe('ascending');
    expect(order()).toEqual(['Direct44025.0%', 'Google45175.0%']);

    // Keyboard: the header buttons are in the Tab order and sort with Enter.
    const removed = within(table).getByRole('button', { name: /Removed \(30 days\)/ });
    removed.focus();
    await user.keyboard('{Enter}');
    expect(within(table).getByRole('columnheader', { name: /Removed/ }).getAttribute('aria-sort')).toBe('descending');
    expect(rate.getAttribute('aria-sort')).toBe('none');
    expect(order()).toEqual(['Google45175.0%', 'Direct44025.0%']);
  });

  it('opens a segment’s analysis from its name', async () => {
    const user = userEvent.setup();
    renderPanel(direct.id);
    await user.click(await screen.findByRole('tab', { name: 'Compare' }));
    await user.click(await screen.findByRole('button', { name: 'Google' }));
    expect(screen.getByRole('tab', { name: 'Analysis' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Conversion rate 75.0%')).toBeTruthy();
    expect(((await screen.findByLabelText('Segment')) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Google');
  });
});
