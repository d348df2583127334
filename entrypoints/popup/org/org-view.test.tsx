// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import type { CurrentUser } from '../../../lib/messaging/protocol';
import { fakeBackground, makeSegment, renderPopup, testDb } from '../test-kit';

let db: CrmSegmentsDB;
beforeEach(async () => {
  db = testDb();
  localStorage.clear();
  await db.segments.bulkPut([
    makeSegment({ id: 'o1', name: 'Olivia hot', ownerId: 'u-olivia', ownerName: 'Olivia Bennett', orgId: 'org-acme' }),
    makeSegment({ id: 'o2', name: 'Olivia cold', ownerId: 'u-olivia', ownerName: 'Olivia Bennett', orgId: 'org-acme', status: 'inactive' }),
    makeSegment({ id: 'm1', name: 'Marcus own', ownerId: 'u-marcus', ownerName: 'Marcus Reyes', orgId: 'org-acme' }),
    makeSegment({ id: 'x1', name: 'Other org', ownerId: 'u-zed', ownerName: 'Zed Else', orgId: 'org-other' }),
  ]);
});
afterEach(async () => {
  cleanup();
  db.close();
});

const as = (user: CurrentUser) => fakeBackground({ getCurrentUser: () => ({ ok: true, data: user }) });
const MARCUS: CurrentUser = { userId: 'u-marcus', name: 'Marcus Reyes', role: 'admin', orgId: 'org-acme' };
const PRIYA: CurrentUser = { userId: 'u-priya', name: 'Priya Shah', role: 'member', orgId: 'org-acme' };

const rowNames = () =>
  screen
    .queryAllByRole('listitem')
    .filter((li) => li.classList.contains('segment-row'))
    .map((li) => li.querySelector('.segment-name')!.textContent);
const optionTexts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);

describe('organization view', () => {
  it('shows a member only their own segments and does not offer the organization view', async () => {
    renderPopup(db, as(PRIYA).send);
    const view = await screen.findByRole('combobox', { name: 'View' });
    expect(optionTexts(view)).toEqual(['My segments']);
    expect((view as HTMLSelectElement).value).toBe('mine');
    expect(await screen.findByText('No segments yet')).toBeTruthy();
    expect(screen.queryByText('Olivia hot')).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Created by' })).toBeNull();
  });

  it('lets an admin see the organization read-only, with owners, and filter by creator', async () => {
    const user = userEvent.setup();
    const background = as(MARCUS);
    renderPopup(db, background.send);
    const view = await screen.findByRole('combobox', { name: 'View' });
    expect(optionTexts(view)).toEqual(['My segments', 'All organization segments']);
    await waitFor(() => expect(rowNames()).toEqual(['Marcus own']));

    await user.selectOptions(view, 'org');
    await waitFor(() => expect(rowNames()).toEqual(['Marcus own', 'Olivia cold', 'Olivia hot']));
    const olivia = screen.getByRole('listitem', { name: /Olivia hot/ });
    expect(within(olivia).getByText('by Olivia Bennett')).toBeTruthy();
    expect(within(olivia).queryByRole('switch', { name: 'Active' })).toBeNull();
    expect(within(screen.getByRole('listitem', { name: /Marcus own/ })).queryByText(/^by /)).toBeNull();

    await user.click(within(olivia).getByRole('button', { name: 'Actions for Olivia hot' }));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Show membersOpens the side panel',
      'AnalysisGrowth and conversion in the side panel',
      'Export definitionSaves its rules as a file to share',
      'Duplicate to my segmentsA copy you can edit',
    ]);
    await user.keyboard('{Escape}');

    const creator = screen.getByRole('combobox', { name: 'Created by' });
    expect(optionTexts(creator)).toEqual(['Everyone', 'Marcus Reyes (you)', 'Olivia Bennett']);
    await user.selectOptions(creator, 'u-olivia');
    await waitFor(() => expect(rowNames()).toEqual(['Olivia cold', 'Olivia hot']));
    expect(background.of('updateSegment')).toEqual([]);
  });

  it('duplicates another owner’s segment as the current user’s copy', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({
      getCurrentUser: () => ({ ok: true, data: MARCUS }),
      duplicateSegment: () => ({ ok: true, data: makeSegment({ name: 'Copy of Olivia hot', ownerId: 'u-marcus' }) }),
    });
    renderPopup(db, background.send);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'View' }), 'org');
    await user.click(await screen.findByRole('button', { name: 'Actions for Olivia hot' }));
    await user.click(screen.getByRole('menuitem', { name: 'Duplicate to my segments' }));
    expect(background.of('duplicateSegment')).toEqual([{ id: 'o1' }]);
  });

  it('says so when the background cannot tell who is signed in', async () => {
    renderPopup(db, fakeBackground({ getCurrentUser: () => ({ ok: false, error: 'The extension background did not answer.' }) }).send);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not tell who is signed in. The extension background did not answer.');
    expect(rowNames()).toEqual([]);
  });
});
