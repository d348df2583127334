// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HOT_RULES,
  LEADS,
  makeSegment,
  seededPanelDatabase,
} from '../../components/members/test-fixtures';
import type { CrmSegmentsDB } from '../../lib/db/database';
import { setEvaluationTimeZone } from '../../lib/db/settings';
import { addMemberships, removeMemberships } from '../../lib/db/memberships';
import type { SendToBackground } from '../../lib/messaging/client';
import { SidePanelApp, type SidePanelAppProps } from './App';
import type { PanelTarget } from './navigation';
import type { NavigationSource } from './navigation-source';

const database = seededPanelDatabase();
let db: CrmSegmentsDB;
beforeEach(() => {
  db = database();
});
const send = vi.fn(async () => ({ ok: true, data: {} })) as unknown as SendToBackground;

function renderPanel(props: Partial<SidePanelAppProps> = {}) {
  return render(
    <SidePanelApp
      db={db}
      send={send}
      initialTarget={{ segmentId: 'hot' }}
      locale="en-US"
      timeZone="Asia/Tokyo"
      initialRect={{ width: 1200, height: 600 }}
      {...props}
    />,
  );
}

const showing = () => screen.findByText(/^Showing \S+ of \S+ members?$/);
const memberRows = () => screen.getAllByRole('row').filter((row) => row.hasAttribute('data-lead-id'));

describe('segment picker', () => {
  it('is a select labelled "Segment" with options named by segment name, and shows the segment summary', async () => {
    renderPanel();
    const picker = (await screen.findByLabelText('Segment')) as HTMLSelectElement;
    expect(picker.tagName).toBe('SELECT');
    await waitFor(() => expect(picker.value).toBe('hot'));
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Hot leads', 'India']);
    const summary = await screen.findByRole('region', { name: 'Segment summary' });
    expect(within(summary).getByText('Active')).toBeTruthy();
    expect(summary.textContent).toContain('3 members');
    expect(summary.textContent).toContain('Hot leads description');
    expect(summary.textContent).toContain('Status is Contacted · (Country is India or Total visits is more than 5)');
  });

  it('names the inner segment of a segment-membership rule in the summary', async () => {
    const india = (await db.segments.get('india'))!;
    await db.segments.put({ ...india, rules: { combinator: 'and', rules: [{ field: 'segmentMembership', operator: 'is_member_of', value: 'hot' }] } });
    renderPanel({ initialTarget: { segmentId: 'india' } });
    const summary = await screen.findByRole('region', { name: 'Segment summary' });
    await waitFor(() => expect(summary.textContent).toContain('"Hot leads"'));
    expect(summary.textContent).not.toContain('another segment');
  });

  it('refreshes an active segment on request and explains an inactive one', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Refresh' }));
    expect(send).toHaveBeenCalledWith('refreshSegment', { id: 'hot' });
    cleanup();
    const india = (await db.segments.get('india'))!;
    await db.segments.put({ ...india, status: 'inactive', error: "custom field 'gone' is not defined" });
    renderPanel({ initialTarget: { segmentId: 'india' } });
    const summary = await screen.findByRole('region', { name: 'Segment summary' });
    expect(within(summary).getByText('Inactive')).toBeTruthy();
    expect(summary.textContent).toContain('members are frozen');
    expect(within(summary).getByRole('alert').textContent).toContain("custom field 'gone' is not defined");
    expect(within(summary).queryByRole('button', { name: 'Refresh' })).toBeNull();
  });

  it('switches to another segment', async () => {
    const onTargetChange = vi.fn();
    renderPanel({ onTargetChange });
    expect((await showing()).textContent).toBe('Showing 3 of 3 members');
    fireEvent.change(screen.getByLabelText('Segment'), { target: { value: 'india' } });
    await waitFor(() => expect(memberRows().map((r) => r.getAttribute('data-lead-id'))).toContain(LEADS[3]!.id));
    expect(onTargetChange).toHaveBeenLastCalledWith({ segmentId: 'india' });
  });

  it('opens the first segment when no target is given', async () => {
    renderPanel({ initialTarget: {} });
    await waitFor(() => expect((screen.getByLabelText('Segment') as HTMLSelectElement).value).toBe('hot'));
  });

  it('says so when there are no segments', async () => {
    await db.segments.clear();
    renderPanel({ initialTarget: {} });
    expect(await screen.findByText('No segments yet')).toBeTruthy();
  });

  it('says so when the segment does not exist', async () => {
    renderPanel({ initialTarget: { segmentId: 'gone' } });
    expect(await screen.findByText('This segment no longer exists')).toBeTruthy();
  });
});

describe('member table', () => {
  it('lists the members with the default columns, sorted by name', async () => {
    renderPanel();
    expect((await showing()).textContent).toBe('Showing 3 of 3 members');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, ''));
    expect(headers).toEqual(['Name', 'Email', 'Company', 'Status', 'Source', 'Country', 'Last contact']);
    await waitFor(() => expect(memberRows()).toHaveLength(3));
    expect(memberRows().map((r) => r.querySelector('[role="gridcell"]')?.textContent)).toEqual(['Asha Rao', 'Ben Carter', 'Chen Wei']);
    // Dates in the user's time zone: 2024-03-05 23:30 UTC is March 6 in Tokyo.
    expect(memberRows()[0]!.textContent).toContain('Mar 6, 2024');
  });

  it('narrows "Showing X of Y" instantly as the user searches', async () => {
    const user = userEvent.setup();
    renderPanel();
    await showing();
    await user.type(screen.getByLabelText('Search members'), 'globex');
    expect(screen.getByText('Showing 1 of 3 members')).toBeTruthy();
    expect(memberRows().map((r) => r.getAttribute('data-lead-id'))).toEqual([LEADS[1]!.id]);
    await user.clear(screen.getByLabelText('Search members'));
    await user.type(screen.getByLabelText('Search members'), 'nobody');
    expect(screen.getByText('Showing 0 of 3 members')).toBeTruthy();
    expect(screen.getByText('No members match')).toBeTruthy();
  });

  it('sorts by a column and toggles the direction', async () => {
    const user = userEvent.setup();
    renderPanel();
    await showing();
    await user.click(screen.getByRole('button', { name: /Company/ }));
    expect(memberRows().map((r) => r.getAttribute('data-lead-id'))).toEqual([LEADS[0]!.id, LEADS[1]!.id, LEADS[2]!.id]);
    await user.click(screen.getByRole('button', { name: /Company/ }));
    expect(memberRows().map((r) => r.getAttribute('data-lead-id'))).toEqual([LEADS[2]!.id, LEADS[1]!.id, LEADS[0]!.id]);
    expect(screen.getByRole('columnheader', { name: /Company/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by a column', async () => {
    const user = userEvent.setup();
    renderPanel();
    await showing();
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.type(screen.getByLabelText('Filter Country'), 'ind');
    expect(screen.getByText('Showing 2 of 3 members')).toBeTruthy();
  });

  it('adds a custom field column from the column chooser', async () => {
    const user = userEvent.setup();
    renderPanel();
    await showing();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByLabelText('Total visits'));
    expect(screen.getByRole('columnheader', { name: /Total visits/ })).toBeTruthy();
    await waitFor(() => expect(memberRows()[0]!.textContent).toContain('1,234'));
  });

  it('shows dates in the evaluation time zone from the settings', async () => {
    await setEvaluationTimeZone(db, 'America/New_York');
    renderPanel({ timeZone: undefined });
    await showing();
    await waitFor(() => expect(memberRows()[0]!.textContent).toContain('Mar 5, 2024'));
  });

  it('shows members joining and leaving live', async () => {
    renderPanel();
    expect((await showing()).textContent).toBe('Showing 3 of 3 members');
    await addMemberships(db, [{ segmentId: 'hot', leadId: LEADS[3]!.id, addedAt: Date.now() }]);
    await waitFor(() => expect(screen.getByText('Showing 4 of 4 members')).toBeTruthy());
    await removeMemberships(db, [['hot', LEADS[0]!.id]]);
    await waitFor(() => expect(screen.getByText('Showing 3 of 3 members')).toBeTruthy());
    expect(memberRows().map((r) => r.getAttribute('data-lead-id'))).not.toContain(LEADS[0]!.id);
  });

  it('shows an empty state for a segment without members', async () => {
    await db.segments.put(makeSegment('empty', 'Nobody', HOT_RULES));
    renderPanel({ initialTarget: { segmentId: 'empty' } });
    expect(await screen.findByText('No members yet')).toBeTruthy();
    expect(screen.getByText('Showing 0 of 0 members')).toBeTruthy();
  });
});

describe('member details', () => {
  it('opens on click with contact info, custom fields, campaigns and "Why they match"', async () => {
    const user = userEvent.setup();
    renderPanel();
    await showing();
    await user.click(screen.getByText('Asha Rao'));
    const details = await screen.findByRole('region', { name: 'Member details' });
    await within(details).findByRole('heading', { name: 'Asha Rao' });
    expect(within(details).getByText('asha.rao@example.com', { selector: 'a' })).toBeTruthy();
    // Custom fields: label + formatted value.
    const field = (label: string) => within(details).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(field('Total visits')).toBe('1,234');
    expect(field('Do not call')).toBe('No');
    expect(field('Renewal date')).toBe('Jan 15, 2025');
    // Campaigns named from the campaigns table, with state and response.
    expect(within(details).getByText('Course Launch Email')).toBeTruthy();
    expect(within(details).getByText('Participating')).toBeTruthy();
    expect(within(details).getByText(/Response: Opened/)).toBeTruthy();
    // Why they match: one ✓ line per rule, nested group shown as a group.
    expect(within(details).getByRole('heading', { name: 'Why they match' })).toBeTruthy();
    const ruleLines = details.querySelectorAll('.why-rule');
    expect([...ruleLines].map((li) => li.textContent)).toEqual([
      '✓Matches: Status is ContactedActual: Contacted',
      '✓Matches: Country is IndiaActual: India',
      '✓Matches: Total visits is more than 5Actual: 1,234',
    ]);
    expect(within(details).getByText('Any of these')).toBeTruthy();
  });

  it('shows ✗ with the actual value for rules a member does not meet', async () => {
    renderPanel({ initialTarget: { segmentId: 'hot', leadId: LEADS[2]!.id } });
    const details = await screen.findByRole('region', { name: 'Member details' });
    await within(details).findByRole('heading', { name: 'Chen Wei' });
    const lines = [...details.querySelectorAll('.why-rule')].map((li) => li.textContent);
    expect(lines).toEqual([
      '✓Matches: Status is ContactedActual: Contacted',
      '✓Matches: Country is IndiaActual: India',
      '✗Does not match: Total visits is more than 5Actual: empty',
    ]);
  });

  it('opens with the keyboard (arrows + Enter) and closes with Escape', async () => {
    const user = userEvent.setup();
    const onTargetChange = vi.fn();
    renderPanel({ onTargetChange });
    await showing();
    const grid = screen.getByRole('grid');
    grid.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(grid.getAttribute('aria-activedescendant')).toBe(memberRows()[1]!.id);
    await user.keyboard('{Enter}');
    const details = await screen.findByRole('region', { name: 'Member details' });
    await within(details).findByRole('heading', { name: 'Ben Carter' });
    expect(onTargetChange).toHaveBeenLastCalledWith({ segmentId: 'hot', leadId: LEADS[1]!.id });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Member details' })).toBeNull());
    expect(onTargetChange).toHaveBeenLastCalledWith({ segmentId: 'hot' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('grid')));
  });

  it('for ?lead= alone lists every segment the lead is in, each with its explanation', async () => {
    renderPanel({ initialTarget: { leadId: LEADS[0]!.id } });
    const details = await screen.findByRole('region', { name: 'Member details' });
    await within(details).findByText('In 2 segments');
    expect(within(details).getByRole('heading', { name: 'Hot leads' })).toBeTruthy();
    expect(within(details).getByRole('heading', { name: 'India' })).toBeTruthy();
    expect(details.querySelectorAll('.why-rule')).toHaveLength(4);
    expect([...details.querySelectorAll('.why-rule')].every((li) => li.textContent?.startsWith('✓'))).toBe(true);
  });

  it('follows navigation requests from the background while open', async () => {
    let push: ((target: PanelTarget) => void) | undefined;
    const navigation: NavigationSource = {
      initial: async () => null,
      subscribe: (onTarget) => {
        push = onTarget;
        return () => {};
      },
    };
    renderPanel({ navigation });
    await showing();
    push!({ leadId: LEADS[3]!.id });
    const details = await screen.findByRole('region', { name: 'Member details' });
    expect(await within(details).findByRole('heading', { name: 'Dana Lee' })).toBeTruthy();
    expect(await within(details).findByText('In 1 segment')).toBeTruthy();
  });

  it('honours a request stored just before the panel opened', async () => {
    const navigation: NavigationSource = { initial: async () => ({ segmentId: 'india' }), subscribe: () => () => {} };
    renderPanel({ initialTarget: {}, navigation });
    await waitFor(() => expect((screen.getByLabelText('Segment') as HTMLSelectElement).value).toBe('india'));
  });
});

describe('export', () => {
  it('"Export CSV" downloads the members shown, with the chosen columns, a header row and a dated file name', async () => {
    const user = userEvent.setup();
    const download = vi.fn();
    renderPanel({ download });
    await showing();
    await user.type(screen.getByLabelText('Search members'), 'example.com');
    await user.type(screen.getByLabelText('Search members'), ' acme');
    expect(screen.getByText('Showing 1 of 3 members')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, text] = download.mock.calls[0] as [string, string];
    expect(fileName).toMatch(/^hot-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1)).data;
    expect(parsed).toEqual([
      ['Name', 'Email', 'Company', 'Status', 'Source', 'Country', 'Last contact'],
      ['Asha Rao', 'asha.rao@example.com', 'Acme', 'Contacted', 'Google', 'India', '2024-03-06'],
    ]);
    expect(screen.getByText(/Exported 1 member to hot-leads-/)).toBeTruthy();
  });

  it('exports all members when chosen', async () => {
    const user = userEvent.setup();
    const download = vi.fn();
    renderPanel({ download });
    await showing();
    await user.type(screen.getByLabelText('Search members'), 'acme');
    await user.selectOptions(screen.getByLabelText('Export scope'), 'all');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const text = download.mock.calls[0]![1] as string;
    expect(Papa.parse<string[]>(text.slice(1)).data).toHaveLength(4);
  });

  it('"Copy emails" copies the shown members\' emails and says so', async () => {
    const user = userEvent.setup();
    const copy = vi.fn(async () => {});
    renderPanel({ copy });
    await showing();
    await user.click(screen.getByRole('button', { name: 'Copy emails' }));
    expect(copy).toHaveBeenCalledWith('asha.rao@example.com\nben.carter@example.com\nchen.wei@example.com');
    expect(await screen.findByText('Copied 3 emails to the clipboard')).toBeTruthy();
  });
});
