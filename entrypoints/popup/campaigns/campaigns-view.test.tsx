// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addMembershipsOf, audienceFingerprint, putCampaigns, putLeads, recordCampaignSend } from '../../../lib/db';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { loadCampaignAudience } from '../../../lib/campaigns/audience-store';
import type { Campaign } from '../../../lib/schema';
import { BackgroundProvider } from '../../../components/background-context';
import { fakeBackground, makeLead, makeSegment, renderPopup, freshDbPerTest } from '../test-kit';
import { AudienceActions } from './audience-actions';

let db: CrmSegmentsDB;
freshDbPerTest((fresh) => (db = fresh));

const email: Campaign = { id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', channel: 'email', segmentIds: ['hot', 'warm'] };
const sms: Campaign = { id: 'sms', crmKey: 'demo', name: 'SMS Follow-up', status: 'active', channel: 'sms', segmentIds: [] };

/**
 * Leads 1–5 with emails; 3 excluded from "email", 4 tagged do-not-email. Segments Hot (1, 2, 3)
 * and Warm (2, 4, 5, inactive unless `warmActive`). Campaigns email (targeted by both) and sms.
 */
async function seed(warmActive = true) {
  await putLeads(db, [
    makeLead(1, { email: 'one@example.com' }),
    makeLead(2, { email: '=cmd|calc@example.com' }),
    makeLead(3, { email: 'three@example.com', campaigns: [{ campaignId: 'email', state: 'excluded' }] }),
    makeLead(4, { email: 'four@example.com', tags: ['do-not-email'] }),
    makeLead(5, { email: 'five@example.com' }),
  ]);
  await db.segments.bulkPut([
    makeSegment({ id: 'hot', name: 'Hot', memberCount: 3 }),
    makeSegment({ id: 'warm', name: 'Warm', memberCount: 3, status: warmActive ? 'active' : 'inactive' }),
  ]);
  await addMembershipsOf(db, 'hot', ['demo/1', 'demo/2', 'demo/3'], 0);
  await addMembershipsOf(db, 'warm', ['demo/2', 'demo/4', 'demo/5'], 0);
  await putCampaigns(db, [email, sms]);
}

async function openCampaigns() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: 'Campaigns' }));
  return user;
}

describe('Campaigns view', () => {
  it('lists each campaign with status, targeting segments and a live "N leads in audience"', async () => {
    await seed();
    renderPopup(db, fakeBackground().send);
    await openCampaigns();
    expect(screen.getByRole('tab', { name: 'Campaigns' }).getAttribute('aria-selected')).toBe('true');
    const card = await screen.findByRole('listitem', { name: 'Course Launch Email' });
    expect(await within(card).findByText('3 leads in audience')).toBeTruthy();
    expect(within(card).getByText('Active')).toBeTruthy();
    expect(within(card).getByText('Left out: 1 lead excluded from this campaign · 1 lead tagged do-not-email')).toBeTruthy();
    const targeting = within(card).getByRole('list', { name: 'Segments targeting Course Launch Email' });
    expect(within(targeting).getAllByRole('listitem').map((li) => li.querySelector('.campaign-segment-name')?.textContent)).toEqual(['Hot', 'Warm']);

    await addMembershipsOf(db, 'hot', ['demo/6'], 0);
    await putLeads(db, [makeLead(6)]);
    expect(await within(card).findByText('4 leads in audience')).toBeTruthy();

    const smsCard = screen.getByRole('listitem', { name: 'SMS Follow-up' });
    expect(await within(smsCard).findByText('0 leads in audience')).toBeTruthy();
    expect(within(smsCard).getByText('No segments target this campaign yet.')).toBeTruthy();
  });

  it('leaves an inactive segment\'s members out and says so', async () => {
    await seed(false);
    renderPopup(db, fakeBackground().send);
    await openCampaigns();
    const card = await screen.findByRole('listitem', { name: 'Course Launch Email' });
    expect(await within(card).findByText('2 leads in audience')).toBeTruthy();
    expect(within(card).getByText('Inactive — not in audience')).toBeTruthy();
  });

  it('detaches a segment and sends the audience to the CRM', async () => {
    await seed();
    const background = fakeBackground({
      detachSegmentFromCampaign: () => ({ ok: true, data: { ...email, segmentIds: ['warm'] } }),
      sendCampaignAudience: () => ({ ok: true, data: { campaignId: 'email', sent: 3, sentAt: Date.now(), excluded: 1, doNotEmail: 1 } }),
    });
    renderPopup(db, background.send);
    const user = await openCampaigns();
    const card = await screen.findByRole('listitem', { name: 'Course Launch Email' });
    await user.click(within(card).getByRole('button', { name: 'Detach Hot from Course Launch Email' }));
    expect(background.of('detachSegmentFromCampaign')).toEqual([{ campaignId: 'email', segmentId: 'hot' }]);
    await within(card).findByText('3 leads in audience');
    await user.click(within(card).getByRole('button', { name: 'Send audience to CRM' }));
    expect(background.of('sendCampaignAudience')).toEqual([{ campaignId: 'email' }]);
    expect((await within(card).findByRole('status')).textContent).toBe('Sent 3 leads to the CRM (2 leads left out).');
  });

  it('shows the last send and whether the audience changed since', async () => {
    await seed();
    const { audience } = await loadCampaignAudience(db, 'email');
    await recordCampaignSend(db, 'email', { sentAt: Date.now() - 10 * 60_000, count: 3, fingerprint: audienceFingerprint(audience.leadIds) });
    renderPopup(db, fakeBackground().send);
    await openCampaigns();
    const card = await screen.findByRole('listitem', { name: 'Course Launch Email' });
    expect(await within(card).findByText('Last sent 3 leads 10 minutes ago — the CRM is up to date.')).toBeTruthy();
    await putLeads(db, [makeLead(1, { email: 'one@example.com', tags: ['do-not-email'] })]);
    expect(
      await within(card).findByText('Last sent 3 leads 10 minutes ago — the audience has changed since: send it again to update the CRM.'),
    ).toBeTruthy();
  });

  it('has an empty state before campaigns are synced', async () => {
    renderPopup(db, fakeBackground().send);
    await openCampaigns();
    expect(await screen.findByText('No campaigns yet')).toBeTruthy();
  });
});

describe('audience export and Copy emails', () => {
  async function renderActions() {
    await seed();
    const loaded = await loadCampaignAudience(db, 'email');
    const files: Array<{ name: string; text: string }> = [];
    const copied: string[] = [];
    render(
      <BackgroundProvider send={fakeBackground().send}>
        <AudienceActions
          campaign={email}
          loaded={loaded}
          emailCampaign
          campaigns={[email, sms]}
          customFields={[]}
          download={(name, text) => files.push({ name, text })}
          copy={async (text) => void copied.push(text)}
        />
      </BackgroundProvider>,
    );
    return { files, copied, user: userEvent.setup() };
  }

  it('exports the audience as CSV with formula cells neutralised', async () => {
    const { files, user } = await renderActions();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toMatch(/^course-launch-email-audience-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = files[0]!.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Name,Email,Company,Status,Source,Country,Last contact,CRM id');
    expect(lines.slice(1)).toEqual(['Lead 1,one@example.com,,,,,,1', "Lead 2,'=cmd|calc@example.com,,,,,,2", 'Lead 5,five@example.com,,,,,,5']);
    expect(screen.getByRole('status').textContent).toMatch(/^Exported 3 leads to course-launch-email-audience-/);
  });

  it('copies only the audience\'s emails and warns about the leads left out', async () => {
    const { copied, user } = await renderActions();
    await user.click(screen.getByRole('button', { name: 'Copy emails' }));
    expect(copied).toEqual(['one@example.com\n=cmd|calc@example.com\nfive@example.com']);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Copied 3 emails to the clipboard. Not included — do not email them for this campaign: 1 lead excluded from this campaign and 1 lead tagged do-not-email.',
      ),
    );
  });
});
