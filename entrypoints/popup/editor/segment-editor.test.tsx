// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { compileRules } from '../../../lib/engine';
import type { SegmentPreview } from '../../../lib/messaging/protocol';
import type { RuleSet } from '../../../lib/schema';
import { fakeBackground, fieldValuesOf, makeLead, makeSegment, renderPopup, testDb } from '../test-kit';
import { memoryDraftStore } from './draft-store';

let db: CrmSegmentsDB;
beforeEach(async () => {
  db = testDb();
  localStorage.clear();
  await db.campaigns.bulkPut([
    { id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', segmentIds: [] },
    { id: 'chat', crmKey: 'demo', name: 'Website Chat Outreach', status: 'paused', segmentIds: [] },
  ]);
  await db.customFields.bulkPut([
    { key: 'total_visits', label: 'Total visits', type: 'number' },
    { key: 'city', label: 'City', type: 'select', options: ['Pune'] },
  ]);
  await db.leads.bulkPut([
    makeLead(1, { source: 'Google', status: 'Converted', country: 'India', tags: ['ebook'] }),
    makeLead(2, { source: 'google', status: 'New', country: 'India', tags: ['ebook', 'Will revert'] }),
    makeLead(3, { source: 'Direct Traffic', status: 'Converted', country: 'Qatar' }),
    makeLead(4, { source: 'Google', status: 'Contacted', custom: { city: 'Mumbai', total_visits: 8 } }),
    makeLead(5, { source: 'Olark Chat', status: 'New' }),
  ]);
});
afterEach(() => {
  cleanup();
  db.close();
});

/** A background whose preview evaluates the rules with the real engine over the test leads. */
function engineBackground(extra: Parameters<typeof fakeBackground>[0] = {}) {
  return fakeBackground({
    getFieldValueCounts: fieldValuesOf(db),
    previewSegment: async ({ rules, sampleSize }) => {
      const leads = await db.leads.toArray();
      const customFields = await db.customFields.toArray();
      const matches = compileRules(rules as RuleSet, { now: Date.now(), timeZone: 'UTC', customFields });
      const members = leads.filter(matches);
      const data: SegmentPreview = {
        count: members.length,
        total: leads.length,
        sample: members.slice(0, sampleSize ?? 5).map((l) => ({ id: l.id, crmId: l.crmId, name: l.name, status: l.status })),
        elapsedMs: 1,
      };
      return { ok: true, data };
    },
    ...extra,
  });
}

async function openNewEditor(background = engineBackground(), draftStore = memoryDraftStore()) {
  const user = userEvent.setup();
  const view = renderPopup(db, background.send, { draftStore });
  await user.click(await screen.findByRole('button', { name: 'Create segment' }));
  await screen.findByLabelText('Segment name');
  return { ...view, user, background, draftStore };
}

const ruleGroup = (n: string) => screen.getByRole('group', { name: `Rule ${n}` });
const optionValues = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.value);

describe('segment editor: rule inputs by type', () => {
  it('groups the Field picker Standard / Campaign / Segment / Date / Custom with SPEC field keys', async () => {
    await openNewEditor();
    const field = within(ruleGroup('1')).getByLabelText('Field') as HTMLSelectElement;
    const groups = [...field.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);
    expect(groups).toEqual([
      ['Standard', ['name', 'email', 'company', 'source', 'groupName', 'status', 'priority', 'tags', 'country', 'language']],
      ['Campaign', ['campaignParticipation', 'campaignExclusion', 'campaignResponse']],
      ['Segment', ['segmentMembership']],
      ['Date', ['createdAt', 'lastContactAt']],
      ['Custom', ['custom.city', 'custom.total_visits']],
    ]);
  });

  it('text: operators of the text type only, with human labels, and a text Value', async () => {
    const { user } = await openNewEditor();
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'status');
    const operator = within(ruleGroup('1')).getByLabelText('Operator') as HTMLSelectElement;
    expect(optionValues(operator)).toEqual([
      'equals',
      'not_equals',
      'contains',
      'not_contains',
      'starts_with',
      'ends_with',
      'is_any_of',
      'is_none_of',
      'is_empty',
      'is_not_empty',
    ]);
    expect([...operator.options].slice(0, 3).map((o) => o.text)).toEqual(['is', 'is not', 'contains']);
    const value = within(ruleGroup('1')).getByLabelText('Value') as HTMLInputElement;
    expect(value.type).toBe('text');
    await user.type(value, 'Converted');
    await user.selectOptions(operator, 'is_empty');
    expect(within(ruleGroup('1')).queryByLabelText('Value')).toBeNull();
  });

  it('number: a number Value and a From/To range for "is between"', async () => {
    const { user } = await openNewEditor();
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'custom.total_visits');
    const operator = within(ruleGroup('1')).getByLabelText('Operator');
    expect(optionValues(operator)).toEqual(['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty']);
    await user.selectOptions(operator, 'gt');
    const value = within(ruleGroup('1')).getByLabelText('Value') as HTMLInputElement;
    expect(value.type).toBe('number');
    await user.type(value, '5');
    expect(await screen.findByText('1 leads match')).toBeTruthy();
    await user.selectOptions(operator, 'between');
    expect((within(ruleGroup('1')).getByLabelText('From') as HTMLInputElement).value).toBe('5');
    expect((within(ruleGroup('1')).getByLabelText('To') as HTMLInputElement).type).toBe('number');
  });

  it('date: a date picker, and Amount + Unit for relative operators', async () => {
    const { user } = await openNewEditor();
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'lastContactAt');
    const operator = within(ruleGroup('1')).getByLabelText('Operator') as HTMLSelectElement;
    expect([...operator.options].map((o) => o.text)).toContain('more than … ago');
    const value = within(ruleGroup('1')).getByLabelText('Value') as HTMLInputElement;
    expect(value.type).toBe('date');
    fireEvent.input(value, { target: { value: '2024-05-01' } });
    expect(value.value).toBe('2024-05-01');

    await user.selectOptions(operator, 'more_than_ago');
    const amount = within(ruleGroup('1')).getByLabelText('Amount') as HTMLInputElement;
    const unit = within(ruleGroup('1')).getByLabelText('Unit') as HTMLSelectElement;
    expect(amount.value).toBe('30');
    expect(optionValues(unit)).toEqual(['days', 'weeks', 'months']);
    expect(ruleGroup('1').textContent).toContain('ago');
    await user.clear(amount);
    await user.type(amount, '2');
    await user.selectOptions(unit, 'weeks');
    expect(amount.value).toBe('2');
    expect(unit.value).toBe('weeks');
  });

  it('list: a chip input "Values" where Enter adds a chip, with suggestions most common first', async () => {
    const { user } = await openNewEditor();
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'source');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'is_any_of');
    const values = within(ruleGroup('1')).getByRole('combobox', { name: 'Values' });
    await user.click(values);
    const listbox = await screen.findByRole('listbox', { name: 'Suggestions' });
    await waitFor(() =>
      expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Google3', 'Direct Traffic1', 'Olark Chat1']),
    );
    await user.keyboard('{ArrowDown}{Enter}');
    await user.type(values, 'Referral Sites{Enter}');
    await user.type(values, 'google{Enter}');
    const chips = within(ruleGroup('1')).getByRole('list', { name: 'Chosen' });
    expect(within(chips).getAllByRole('listitem').map((c) => c.querySelector('.chip-text')!.textContent)).toEqual([
      'Google',
      'Referral Sites',
    ]);
    await user.click(within(chips).getByRole('button', { name: 'Remove Referral Sites' }));
    expect(within(chips).getAllByRole('listitem')).toHaveLength(1);
    expect(await screen.findByText('3 leads match')).toBeTruthy();
  });

  it('tags: multiselect operators with a chip input', async () => {
    const { user } = await openNewEditor();
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'tags');
    expect(optionValues(within(ruleGroup('1')).getByLabelText('Operator'))).toEqual([
      'includes_any',
      'includes_all',
      'includes_none',
      'is_empty',
      'is_not_empty',
    ]);
    await user.type(within(ruleGroup('1')).getByRole('combobox', { name: 'Values' }), 'ebook{Enter}');
    expect(await screen.findByText('2 leads match')).toBeTruthy();
  });

  it('campaign: a campaign picker with "Any campaign"; response: campaign + response kinds', async () => {
    const { user, background } = await openNewEditor(
      engineBackground({ createSegment: async () => ({ ok: true, data: makeSegment({ name: 'Chat replies' }) }) }),
    );
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'campaignParticipation');
    expect(optionValues(within(ruleGroup('1')).getByLabelText('Operator'))).toEqual(['is_in', 'is_not_in']);
    const picker = within(ruleGroup('1')).getByLabelText('Value') as HTMLSelectElement;
    expect([...picker.options].map((o) => [o.value, o.text])).toEqual([
      ['any', 'Any campaign'],
      ['email', 'Course Launch Email'],
      ['chat', 'Website Chat Outreach (paused)'],
    ]);
    await user.selectOptions(picker, 'email');

    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'campaignResponse');
    expect(optionValues(within(ruleGroup('1')).getByLabelText('Operator'))).toEqual(['responded', 'not_responded']);
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Campaign'), 'chat');
    const kinds = within(ruleGroup('1')).getByRole('group', { name: 'Responses' });
    expect(within(kinds).getAllByRole('checkbox').map((c) => c.parentElement!.textContent)).toEqual([
      'Opened',
      'Clicked',
      'Replied',
      'Interested',
      'Not interested',
      'Bounced',
      'Unsubscribed',
    ]);
    await user.click(within(kinds).getByRole('checkbox', { name: 'Replied' }));
    await user.click(within(kinds).getByRole('checkbox', { name: 'Opened' }));
    await user.type(screen.getByLabelText('Segment name'), 'Chat replies{Enter}');
    await waitFor(() => expect(background.of('createSegment')).toHaveLength(1));
    expect(background.of('createSegment')[0]).toMatchObject({
      draft: {
        rules: {
          combinator: 'and',
          rules: [{ field: 'campaignResponse', operator: 'responded', value: { campaignId: 'chat', responses: ['opened', 'replied'] } }],
        },
      },
    });
  });
});

describe('segment editor: saving, validation, preview, drafts', () => {
  it('creates a segment with Enter and sends the rules built in the UI', async () => {
    const created = makeSegment({ id: 'new', name: 'India converted' });
    const background = engineBackground({ createSegment: async () => ({ ok: true, data: created }) });
    const { user } = await openNewEditor(background);
    await user.type(screen.getByLabelText('Segment name'), 'India converted');
    await user.type(screen.getByLabelText('Description'), 'Converted leads in India');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Color' })).getByRole('radio', { name: 'Green' }));
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'status');
    await user.type(within(ruleGroup('1')).getByLabelText('Value'), 'converted');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const second = ruleGroup('2');
    expect(document.activeElement).toBe(within(second).getByLabelText('Field'));
    await user.selectOptions(within(second).getByLabelText('Field'), 'campaignParticipation');
    await user.selectOptions(within(second).getByLabelText('Operator'), 'is_not_in');
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    const inner = ruleGroup('3.1');
    await user.selectOptions(within(inner).getByLabelText('Field'), 'country');
    await user.type(within(inner).getByLabelText('Value'), 'India');
    await user.click(screen.getByRole('button', { name: '+ Add a rule' }));
    await user.selectOptions(within(ruleGroup('3.2')).getByLabelText('Field'), 'country');
    await user.type(within(ruleGroup('3.2')).getByLabelText('Value'), 'Qatar{Enter}');

    await waitFor(() => expect(background.of('createSegment')).toHaveLength(1));
    expect(background.of('createSegment')[0]).toEqual({
      draft: {
        name: 'India converted',
        description: 'Converted leads in India',
        color: '#15803d',
        status: 'active',
        rules: {
          combinator: 'and',
          rules: [
            { field: 'status', operator: 'equals', value: 'converted' },
            { field: 'campaignParticipation', operator: 'is_not_in', value: 'any' },
            {
              combinator: 'or',
              rules: [
                { field: 'country', operator: 'equals', value: 'India' },
                { field: 'country', operator: 'equals', value: 'Qatar' },
              ],
            },
          ],
        },
      },
    });
    expect(await screen.findByRole('button', { name: 'Create segment' })).toBeTruthy();
  });

  it('shows the live preview as "N leads match" with sample leads', async () => {
    const { user } = await openNewEditor();
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Complete the rules to see matching leads');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'country');
    await user.type(within(ruleGroup('1')).getByLabelText('Value'), 'india');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 leads match of 5 leads'));
    const sample = screen.getByRole('region', { name: 'Sample of matching leads' });
    expect(within(sample).getAllByRole('listitem').map((li) => li.querySelector('.sample-name')!.textContent)).toEqual([
      'Lead 1',
      'Lead 2',
    ]);
  });

  it('ignores a stale preview answer that arrives after a newer one', async () => {
    const resolvers: Array<(count: number) => void> = [];
    const background = fakeBackground({
      previewSegment: () =>
        new Promise((resolve) =>
          resolvers.push((count) => resolve({ ok: true, data: { count, total: 5, sample: [], elapsedMs: 1 } })),
        ),
    });
    const { user } = await openNewEditor(background);
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'status');
    expect(resolvers).toHaveLength(0); // "Status is ''" is not previewed
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'is_empty');
    await waitFor(() => expect(resolvers).toHaveLength(1));
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'is_not_empty');
    await waitFor(() => expect(resolvers).toHaveLength(2));
    resolvers[1]!(5);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('5 leads match of 5 leads'));
    resolvers[0]!(0);
    // The stale answer's promise callbacks all run before the next task starts: after one, it had its chance.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(screen.getByRole('status').textContent).toBe('5 leads match of 5 leads');
  });

  it('says "Counting" (not a stale number) while a preview is on its way, and shows preview errors', async () => {
    let answer: (value: { ok: false; error: string }) => void = () => {};
    const background = fakeBackground({ previewSegment: () => new Promise((resolve) => (answer = resolve)) });
    const { user } = await openNewEditor(background);
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'status');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'is_empty');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Counting matching leads…'));
    answer({ ok: false, error: 'The background did not answer' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Preview unavailable: The background did not answer'));
  });

  it('validates inline: required and unique name, rule values, and nothing is sent', async () => {
    await db.segments.put(makeSegment({ name: 'Hot leads' }));
    const background = engineBackground();
    const user = userEvent.setup();
    renderPopup(db, background.send);
    await user.click(await screen.findByRole('button', { name: 'Create segment' }));
    const name = screen.getByLabelText('Segment name');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect(screen.getByText('Segment name is required')).toBeTruthy();
    expect(screen.getByText('Choose a field')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');

    await user.type(name, 'HOT LEADS');
    expect(screen.getByText('A segment named “Hot leads” already exists')).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'Visitors');

    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'custom.total_visits');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'gt');
    expect(within(ruleGroup('1')).getByText('“is more than” needs a number')).toBeTruthy();
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'between');
    await user.type(within(ruleGroup('1')).getByLabelText('From'), '9');
    await user.type(within(ruleGroup('1')).getByLabelText('To'), '3');
    expect(within(ruleGroup('1')).getByText('“is between” needs low ≤ high (the first number is greater than the second)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect(background.of('createSegment')).toEqual([]);
  });

  it('shows a save error from the background and stays in the editor', async () => {
    const background = engineBackground({ createSegment: async () => ({ ok: false, error: 'A segment named “X” already exists' }) });
    const { user } = await openNewEditor(background);
    await user.type(screen.getByLabelText('Segment name'), 'X');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'email');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'is_not_empty');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save. A segment named “X” already exists');
    expect(screen.getByLabelText('Segment name')).toBeTruthy();
  });

  it('edits a segment and sends only what changed', async () => {
    const segment = makeSegment({
      id: 'edit-me',
      name: 'Converted',
      description: 'Won deals',
      rules: { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] },
    });
    await db.segments.put(segment);
    const background = engineBackground({ updateSegment: async () => ({ ok: true, data: segment }) });
    const user = userEvent.setup();
    renderPopup(db, background.send);
    await user.click(await screen.findByRole('button', { name: 'Actions for Converted' }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }));
    expect(within(ruleGroup('1')).getByLabelText<HTMLSelectElement>('Field').value).toBe('status');
    expect(within(ruleGroup('1')).getByLabelText<HTMLInputElement>('Value').value).toBe('Converted');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 leads match of 5 leads'));
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Operator'), 'not_equals');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(background.of('updateSegment')).toHaveLength(1));
    expect(background.of('updateSegment')[0]).toEqual({
      id: 'edit-me',
      patch: { rules: { combinator: 'and', rules: [{ field: 'status', operator: 'not_equals', value: 'Converted' }] } },
    });
  });

  it('Escape leaves at once when nothing changed, and asks before discarding changes', async () => {
    const { user, draftStore } = await openNewEditor();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'Create segment' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create segment' }));
    await user.type(await screen.findByLabelText('Segment name'), 'Half');
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('dialog', { name: 'Discard changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect((screen.getByLabelText('Segment name') as HTMLInputElement).value).toBe('Half');
    expect(draftStore.load()?.name).toBe('Half');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByRole('button', { name: 'Create segment' })).toBeTruthy();
    expect(draftStore.load()).toBeNull();
  });

  it('keeps an unsaved draft when the popup closes and restores it next time', async () => {
    const draftStore = memoryDraftStore();
    const { user, unmount } = await openNewEditor(engineBackground(), draftStore);
    await user.type(screen.getByLabelText('Segment name'), 'Unfinished');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Field'), 'tags');
    await user.type(within(ruleGroup('1')).getByRole('combobox', { name: 'Values' }), 'ebook{Enter}');
    unmount();

    const background = engineBackground({ createSegment: async () => ({ ok: true, data: makeSegment({ name: 'Unfinished' }) }) });
    renderPopup(db, background.send, { draftStore });
    const name = (await screen.findByLabelText('Segment name')) as HTMLInputElement;
    expect(name.value).toBe('Unfinished');
    expect(screen.getByText(/Restored your unsaved draft/)).toBeTruthy();
    expect(within(ruleGroup('1')).getByLabelText<HTMLSelectElement>('Field').value).toBe('tags');
    expect(within(ruleGroup('1')).getByText('ebook')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 leads match of 5 leads'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(background.of('createSegment')).toHaveLength(1));
    await screen.findByRole('button', { name: 'Create segment' });
    expect(draftStore.load()).toBeNull();
  });

  it('restores an edit draft onto its segment and saves it as an update', async () => {
    const segment = makeSegment({ id: 'drafted', name: 'Drafted' });
    await db.segments.put(segment);
    const draftStore = memoryDraftStore({
      segmentId: 'drafted',
      name: 'Drafted v2',
      description: '',
      color: '#2563eb',
      rules: segment.rules,
      savedAt: Date.now() - 60_000,
    });
    const background = engineBackground({ updateSegment: async () => ({ ok: true, data: segment }) });
    const user = userEvent.setup();
    renderPopup(db, background.send, { draftStore });
    expect(((await screen.findByLabelText('Segment name')) as HTMLInputElement).value).toBe('Drafted v2');
    expect(screen.getByText('Restored your unsaved changes from 1 minute ago.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(background.of('updateSegment')).toEqual([{ id: 'drafted', patch: { name: 'Drafted v2' } }]));
  });

  it('picks a custom colour as #rrggbb and validates it', async () => {
    const { user } = await openNewEditor();
    const colors = screen.getByRole('radiogroup', { name: 'Color' });
    expect(within(colors).getAllByRole('radio')).toHaveLength(13);
    await user.click(within(colors).getByRole('radio', { name: 'Custom' }));
    const hex = screen.getByLabelText('Hex code') as HTMLInputElement;
    await user.clear(hex);
    await user.type(hex, '#12345g');
    expect(screen.getByText('Choose a colour or enter one as #rrggbb')).toBeTruthy();
    await user.clear(hex);
    await user.type(hex, '#123456');
    expect(screen.queryByText('Choose a colour or enter one as #rrggbb')).toBeNull();
    expect((within(colors).getByRole('radio', { name: 'Custom' }) as HTMLInputElement).checked).toBe(true);
  });

  it('nests groups at most 3 levels deep and removes rules', async () => {
    const { user } = await openNewEditor();
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    const group = screen.getByRole('region', { name: 'Group 2' });
    await user.click(within(group).getByRole('button', { name: '+ Add a nested group' }));
    const nested = screen.getByRole('region', { name: 'Group 2.2' });
    expect(within(nested).queryByRole('button', { name: '+ Add a nested group' })).toBeNull();
    expect((within(nested).getByLabelText('Group 2.2 matches') as HTMLSelectElement).value).toBe('and');
    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(screen.queryByRole('group', { name: 'Rule 2.1' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Rule 1.1' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add rule' }));
  });
});
