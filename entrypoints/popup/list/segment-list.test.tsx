// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { fakeBackground, makeSegment, renderPopup, freshDbPerTest } from '../test-kit';

let db: CrmSegmentsDB;
freshDbPerTest((fresh) => (db = fresh));

const rows = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('segment-row'));
const rowNames = () => rows().map((li) => li.querySelector('.segment-name')!.textContent);

describe('segment list', () => {
  it('shows an empty state with one sentence and a Create segment button that opens the editor', async () => {
    const user = userEvent.setup();
    renderPopup(db, fakeBackground().send);
    const create = await screen.findByRole('button', { name: 'Create segment' });
    expect(screen.getByText(/A segment is a named list of leads/)).toBeTruthy();
    await user.click(create);
    expect(await screen.findByLabelText('Segment name')).toBeTruthy();
  });

  it('renders each segment with colour, name, description, rules summary, members and refresh time', async () => {
    await db.campaigns.put({ id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', segmentIds: [] });
    await db.segments.put(
      makeSegment({
        id: 'hot',
        name: 'Hot leads',
        description: 'Converted leads from India that we talked to recently — long text shown on hover',
        color: '#dc2626',
        memberCount: 412,
        lastRefreshedAt: Date.now() - 5 * 60_000,
        rules: {
          combinator: 'and',
          rules: [
            { field: 'status', operator: 'equals', value: 'Converted' },
            { field: 'country', operator: 'equals', value: 'India' },
            { field: 'campaignParticipation', operator: 'is_in', value: 'email' },
          ],
        },
      }),
    );
    renderPopup(db, fakeBackground().send);
    const row = await screen.findByRole('listitem', { name: /^Hot leads/ });
    expect(row.getAttribute('aria-labelledby')).toBeTruthy();
    expect(row.textContent).toContain('412 members');
    expect(row.textContent).toContain('Refreshed 5 minutes ago');
    expect(within(row).getByText('Status is Converted · Country is India · Campaign participation is in Course Launch Email')).toBeTruthy();
    const description = within(row).getByText(/Converted leads from India/);
    expect(description.getAttribute('title')).toBe(description.textContent);
    expect((row.querySelector('.segment-color') as HTMLElement).style.backgroundColor).toBe('rgb(220, 38, 38)');
    const toggle = within(row).getByRole('switch', { name: 'Active' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    // The switch says which segment it turns on or off (its name stays exactly "Active").
    expect(screen.getByRole('switch', { name: 'Active', description: 'Hot leads Refreshed 5 minutes ago' })).toBe(toggle);
  });

  it('updates the member count live when the database changes', async () => {
    const segment = makeSegment({ id: 'live', name: 'Live one', memberCount: 3 });
    await db.segments.put(segment);
    renderPopup(db, fakeBackground().send);
    const row = await screen.findByRole('listitem', { name: /^Live one/ });
    expect(row.textContent).toContain('3 members');
    await db.segments.put({ ...segment, memberCount: 9 });
    await waitFor(() => expect(screen.getByRole('listitem', { name: /^Live one/ }).textContent).toContain('9 members'));
  });

  it('shows a segment error and, for inactive segments, how to resume updates', async () => {
    await db.segments.bulkPut([
      makeSegment({ id: 'broken', name: 'Broken', error: "Custom field 'score' is not defined" }),
      makeSegment({ id: 'paused', name: 'Paused', status: 'inactive', memberCount: 7 }),
    ]);
    renderPopup(db, fakeBackground().send);
    const broken = await screen.findByRole('listitem', { name: /^Broken/ });
    expect(broken.textContent).toContain("Custom field 'score' is not defined");
    const paused = screen.getByRole('listitem', { name: /^Paused/ });
    expect(paused.textContent).toContain('Activate to resume updates');
    expect(within(paused).getByRole('switch', { name: 'Active' }).getAttribute('aria-checked')).toBe('false');
  });

  it('sorts by name, member count and last updated, and remembers the choice', async () => {
    const user = userEvent.setup();
    await db.segments.bulkPut([
      makeSegment({ name: 'beta', memberCount: 10, updatedAt: 3 }),
      makeSegment({ name: 'Alpha', memberCount: 5, updatedAt: 1 }),
      makeSegment({ name: 'Gamma', memberCount: 99, updatedAt: 2 }),
    ]);
    const { unmount } = renderPopup(db, fakeBackground().send);
    await screen.findByRole('listitem', { name: /^Alpha/ });
    expect(rowNames()).toEqual(['Alpha', 'beta', 'Gamma']);
    const sort = screen.getByLabelText('Sort by');
    await user.selectOptions(sort, 'members');
    expect(rowNames()).toEqual(['Gamma', 'beta', 'Alpha']);
    await user.selectOptions(sort, 'updated');
    expect(rowNames()).toEqual(['beta', 'Gamma', 'Alpha']);
    unmount();
    renderPopup(db, fakeBackground().send);
    await screen.findByRole('listitem', { name: /^Alpha/ });
    expect(rowNames()).toEqual(['beta', 'Gamma', 'Alpha']);
  });

  it('offers a filter box only when there are more than 5 segments', async () => {
    const user = userEvent.setup();
    await db.segments.bulkPut([1, 2, 3, 4, 5].map((n) => makeSegment({ name: `Team ${n}` })));
    renderPopup(db, fakeBackground().send);
    await screen.findByRole('listitem', { name: /^Team 1/ });
    expect(screen.queryByLabelText('Filter segments')).toBeNull();
    await db.segments.put(makeSegment({ name: 'India leads', description: 'hindi speakers' }));
    const filter = await screen.findByLabelText('Filter segments');
    await user.type(filter, 'HINDI');
    expect(rowNames()).toEqual(['India leads']);
    await user.clear(filter);
    await user.type(filter, 'nothing like this');
    expect(screen.getByText('No segments match “nothing like this”.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(rows()).toHaveLength(6);
  });

  it('toggles the Active switch with activate/deactivate messages and explains frozen members', async () => {
    const user = userEvent.setup();
    const segment = makeSegment({ id: 'toggle', name: 'Toggle me', memberCount: 42 });
    await db.segments.put(segment);
    const background = fakeBackground({
      deactivateSegment: async () => {
        await db.segments.put({ ...segment, status: 'inactive' });
        return { ok: true, data: { ...segment, status: 'inactive' } };
      },
      activateSegment: async () => ({ ok: false, error: 'The background is busy' }),
    });
    renderPopup(db, background.send);
    const row = await screen.findByRole('listitem', { name: /^Toggle me/ });
    await user.click(within(row).getByRole('switch', { name: 'Active' }));
    expect(background.of('deactivateSegment')).toEqual([{ id: 'toggle' }]);
    await waitFor(() => expect(row.textContent).toContain('Its 42 members stay frozen until you activate it again.'));
    expect(within(row).getByRole('switch', { name: 'Active' }).getAttribute('aria-checked')).toBe('false');

    await user.click(within(row).getByRole('switch', { name: 'Active' }));
    expect(background.of('activateSegment')).toEqual([{ id: 'toggle' }]);
    expect((await within(row).findByRole('alert')).textContent).toBe('Could not activate: The background is busy');
    expect(within(row).getByRole('switch', { name: 'Active' }).getAttribute('aria-checked')).toBe('false');
  });

  it('has an actions menu with arrow-key navigation that sends the right messages', async () => {
    const user = userEvent.setup();
    const segment = makeSegment({ id: 'acts', name: 'Actionable' });
    await db.segments.put(segment);
    const background = fakeBackground({
      refreshSegment: async () => ({ ok: true, data: segment }),
      duplicateSegment: async () => ({ ok: true, data: { ...segment, id: 'copy', name: 'Actionable (copy)' } }),
      openSidePanel: async () => ({ ok: true, data: { opened: true } }),
    });
    renderPopup(db, background.send);
    const row = await screen.findByRole('listitem', { name: /^Actionable/ });
    const menuButton = within(row).getByRole('button', { name: 'Actions for Actionable' });
    expect(menuButton.getAttribute('aria-haspopup')).toBe('menu');

    menuButton.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('aria-label') ?? i.textContent)).toEqual([
      'Edit',
      'Refresh',
      'Show members',
      'Analysis',
      'Duplicate',
      'Use in campaign',
      'Deactivate',
      'Delete',
    ]);
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(items[7]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(background.of('refreshSegment')).toEqual([{ id: 'acts' }]);

    await user.click(menuButton);
    await user.click(screen.getByRole('menuitem', { name: 'Show members' }));
    expect(background.of('openSidePanel')).toEqual([{ segmentId: 'acts' }]);

    await user.click(menuButton);
    await user.click(screen.getByRole('menuitem', { name: 'Analysis' }));
    expect(background.of('openSidePanel')).toEqual([{ segmentId: 'acts' }, { segmentId: 'acts', view: 'analysis' }]);

    await user.click(menuButton);
    await user.click(screen.getByRole('menuitem', { name: 'Duplicate' }));
    expect(background.of('duplicateSegment')).toEqual([{ id: 'acts' }]);
    expect((await within(row).findByRole('status')).textContent).toBe('Duplicated as “Actionable (copy)”.');

    await user.click(menuButton);
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }));
    expect((screen.getByLabelText('Segment name') as HTMLInputElement).value).toBe('Actionable');
  });

  it('shows refresh progress from the job and does not offer Refresh on inactive segments', async () => {
    const user = userEvent.setup();
    await db.segments.bulkPut([
      makeSegment({ id: 'busy', name: 'Busy' }),
      makeSegment({ id: 'off', name: 'Off', status: 'inactive' }),
    ]);
    await db.jobs.put({
      id: 'job-1',
      kind: 'refresh',
      segmentId: 'busy',
      rulesVersion: 1,
      processed: 2500,
      total: 10000,
      startedAt: 0,
      updatedAt: 0,
      now: 0,
    });
    renderPopup(db, fakeBackground().send);
    const busy = await screen.findByRole('listitem', { name: /^Busy/ });
    await waitFor(() => expect(busy.textContent).toContain('Refreshing… 2,500 of 10,000 leads checked'));
    const count = within(busy).getByText('0 members (provisional)');
    expect(count.classList.contains('is-provisional')).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    const bar = within(busy).getByRole('progressbar', { name: 'Refreshing Busy' }) as HTMLProgressElement;
    expect(bar.value).toBe(2500);
    expect(bar.max).toBe(10000);

    const off = screen.getByRole('listitem', { name: /^Off/ });
    await user.click(within(off).getByRole('button', { name: 'Actions for Off' }));
    const labels = within(screen.getByRole('menu'))
      .getAllByRole('menuitem')
      .map((i) => i.getAttribute('aria-label') ?? i.textContent);
    expect(labels).toEqual(['Edit', 'Show members', 'Analysis', 'Duplicate', 'Use in campaign', 'Activate', 'Delete']);
  });

  it('confirms deletion in a dialog that names the active campaigns using the segment', async () => {
    const user = userEvent.setup();
    await db.segments.bulkPut([makeSegment({ id: 'doomed', name: 'Doomed', memberCount: 12 }), makeSegment({ id: 'keep', name: 'Keeper' })]);
    await db.campaigns.bulkPut([
      { id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', segmentIds: ['doomed'] },
      { id: 'sms', crmKey: 'demo', name: 'SMS Follow-up', status: 'active', segmentIds: ['keep', 'doomed'] },
      { id: 'chat', crmKey: 'demo', name: 'Website Chat Outreach', status: 'paused', segmentIds: ['doomed'] },
      { id: 'other', crmKey: 'demo', name: 'Spring Webinar', status: 'active', segmentIds: ['keep'] },
    ]);
    const background = fakeBackground({
      deleteSegment: async ({ id }) => {
        await db.segments.delete(id);
        return { ok: true, data: { id } };
      },
    });
    renderPopup(db, background.send);
    const row = await screen.findByRole('listitem', { name: /^Doomed/ });
    await user.click(within(row).getByRole('button', { name: 'Actions for Doomed' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));

    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('2 active campaigns use this segment');
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Course Launch Email', 'SMS Follow-up']);
    expect(dialog.textContent).not.toContain('Website Chat Outreach');
    expect(dialog.textContent).not.toContain('Spring Webinar');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(background.of('deleteSegment')).toEqual([]);

    await user.click(within(row).getByRole('button', { name: 'Actions for Doomed' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete segment' }));
    expect(background.of('deleteSegment')).toEqual([{ id: 'doomed' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Doomed/ })).toBeNull());
    expect(screen.getByRole('listitem', { name: /^Keeper/ })).toBeTruthy();
  });

  it('keeps the dialog open with the error when deleting fails', async () => {
    const user = userEvent.setup();
    await db.segments.put(makeSegment({ id: 'stuck', name: 'Stuck' }));
    const background = fakeBackground({ deleteSegment: async () => ({ ok: false, error: 'Quota exceeded' }) });
    renderPopup(db, background.send);
    const row = await screen.findByRole('listitem', { name: /^Stuck/ });
    await user.click(within(row).getByRole('button', { name: 'Actions for Stuck' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).not.toContain('campaign');
    await user.click(within(dialog).getByRole('button', { name: 'Delete segment' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Could not delete: Quota exceeded');
  });
});
