// @vitest-environment jsdom
import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import type { Campaign } from '../../../lib/schema';
import { fakeBackground, makeSegment, renderPopup, freshDbPerTest } from '../test-kit';

let db: CrmSegmentsDB;
freshDbPerTest((fresh) => (db = fresh));

const campaign = (id: string, name: string, over: Partial<Campaign> = {}): Campaign => ({
  id,
  crmKey: 'demo',
  name,
  status: 'active',
  segmentIds: [],
  ...over,
});

async function openMenu(user: ReturnType<typeof userEvent.setup>, name: string) {
  const row = await screen.findByRole('listitem', { name: new RegExp(`^${name}`) });
  await user.click(within(row).getByRole('button', { name: `Actions for ${name}` }));
  return row;
}

describe('Use in campaign', () => {
  it('attaches an active segment to the chosen campaign', async () => {
    await db.segments.put(makeSegment({ id: 'hot', name: 'Hot' }));
    await db.campaigns.bulkPut([
      campaign('email', 'Course Launch Email', { segmentIds: ['hot'] }),
      campaign('sms', 'SMS Follow-up'),
      campaign('webinar', 'Spring Webinar', { status: 'completed' }),
    ]);
    const background = fakeBackground({
      attachSegmentToCampaign: ({ campaignId }) => ({ ok: true, data: campaign(campaignId, 'SMS Follow-up', { segmentIds: ['hot'] }) }),
    });
    renderPopup(db, background.send);
    const user = userEvent.setup();
    await openMenu(user, 'Hot');
    await user.click(screen.getByRole('menuitem', { name: /^Use in campaign/ }));
    const dialog = screen.getByRole('dialog', { name: 'Use “Hot” in a campaign' });
    expect((within(dialog).getByRole('radio', { name: /Course Launch Email/ }) as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getByText('Already uses this segment')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: /Spring Webinar/ }) as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByRole('radio', { name: /SMS Follow-up/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Use in campaign' }));
    expect(background.of('attachSegmentToCampaign')).toEqual([{ campaignId: 'sms', segmentId: 'hot' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('“Hot” now targets “SMS Follow-up”.')).toBeTruthy();
  });

  it('keeps the background\'s refusal in the dialog', async () => {
    await db.segments.put(makeSegment({ id: 'hot', name: 'Hot' }));
    await db.campaigns.put(campaign('sms', 'SMS Follow-up'));
    renderPopup(db, fakeBackground({ attachSegmentToCampaign: () => ({ ok: false, error: 'Activate the segment first' }) }).send);
    const user = userEvent.setup();
    await openMenu(user, 'Hot');
    await user.click(screen.getByRole('menuitem', { name: /^Use in campaign/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Use in campaign' }));
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toBe('Activate the segment first');
  });

  it('says "Activate the segment first" for an inactive segment and sends nothing', async () => {
    await db.segments.put(makeSegment({ id: 'off', name: 'Off', status: 'inactive' }));
    await db.campaigns.put(campaign('sms', 'SMS Follow-up'));
    const background = fakeBackground();
    renderPopup(db, background.send);
    const user = userEvent.setup();
    const row = await openMenu(user, 'Off');
    await user.click(screen.getByRole('menuitem', { name: /^Use in campaign/ }));
    expect(within(row).getByRole('alert').textContent).toBe('Activate the segment first');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(background.of('attachSegmentToCampaign')).toEqual([]);
  });
});

describe('deactivating a segment an active campaign uses', () => {
  it('names the active campaigns in a confirmation first; Cancel sends nothing, confirming deactivates', async () => {
    await db.segments.put(makeSegment({ id: 'hot', name: 'Hot' }));
    await db.campaigns.bulkPut([
      campaign('email', 'Course Launch Email', { segmentIds: ['hot'] }),
      campaign('chat', 'Website Chat Outreach', { status: 'paused', segmentIds: ['hot'] }),
    ]);
    const background = fakeBackground({ deactivateSegment: ({ id }) => ({ ok: true, data: makeSegment({ id, name: 'Hot', status: 'inactive' }) }) });
    renderPopup(db, background.send);
    const user = userEvent.setup();
    const row = await screen.findByRole('listitem', { name: /^Hot/ });
    await user.click(within(row).getByRole('switch', { name: 'Active' }));
    let dialog = screen.getByRole('dialog', { name: 'Deactivate “Hot”?' });
    expect(within(dialog).getByText('An active campaign uses this segment:')).toBeTruthy();
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Course Launch Email']);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(background.of('deactivateSegment')).toEqual([]);

    await user.click(within(row).getByRole('button', { name: 'Actions for Hot' }));
    await user.click(screen.getByRole('menuitem', { name: /^Deactivate/ }));
    dialog = screen.getByRole('dialog', { name: 'Deactivate “Hot”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate segment' }));
    expect(background.of('deactivateSegment')).toEqual([{ id: 'hot' }]);
  });

  it('deactivates at once when no active campaign uses the segment', async () => {
    await db.segments.put(makeSegment({ id: 'hot', name: 'Hot' }));
    await db.campaigns.put(campaign('chat', 'Website Chat Outreach', { status: 'paused', segmentIds: ['hot'] }));
    const background = fakeBackground({ deactivateSegment: ({ id }) => ({ ok: true, data: makeSegment({ id, name: 'Hot', status: 'inactive' }) }) });
    renderPopup(db, background.send);
    const user = userEvent.setup();
    const row = await screen.findByRole('listitem', { name: /^Hot/ });
    await user.click(within(row).getByRole('switch', { name: 'Active' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(background.of('deactivateSegment')).toEqual([{ id: 'hot' }]);
  });
});
