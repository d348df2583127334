// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { fakeBackground, makeSegment, renderPopup, testDb } from '../test-kit';

let db: CrmSegmentsDB;
beforeEach(async () => {
  db = testDb();
  localStorage.clear();
  await db.segments.bulkPut([
    makeSegment({ id: 'hot', name: 'Hot leads', ownerId: 'u1' }),
    makeSegment({ id: 'old', name: 'Archived leads', status: 'inactive', ownerId: 'u1' }),
  ]);
});
afterEach(() => {
  cleanup();
  db.close();
});

const ruleGroup = (n: string) => screen.getByRole('group', { name: `Rule ${n}` });

describe('segment editor: segment membership rules', () => {
  it('offers "Segment membership" with is member of / is not member of and a segment picker; saves the segment id', async () => {
    const background = fakeBackground({
      previewSegment: async () => ({ ok: true, data: { count: 0, total: 0, sample: [], elapsedMs: 1 } }),
      createSegment: async () => ({ ok: true, data: makeSegment({ name: 'Not hot' }) }),
    });
    const user = userEvent.setup();
    renderPopup(db, background.send);
    await user.click(await screen.findByRole('button', { name: 'Create segment' }));
    const field = within(ruleGroup('1')).getByLabelText('Field') as HTMLSelectElement;
    expect([...field.options].find((o) => o.value === 'segmentMembership')?.text).toBe('Segment membership');
    await user.selectOptions(field, 'segmentMembership');

    const operator = within(ruleGroup('1')).getByLabelText('Operator') as HTMLSelectElement;
    expect([...operator.options].map((o) => [o.value, o.text])).toEqual([
      ['is_member_of', 'is member of'],
      ['is_not_member_of', 'is not member of'],
    ]);
    const picker = within(ruleGroup('1')).getByLabelText('Segment') as HTMLSelectElement;
    expect([...picker.options].map((o) => [o.value, o.text])).toEqual([
      ['', 'Choose a segment…'],
      ['old', 'Archived leads (inactive: frozen members)'],
      ['hot', 'Hot leads'],
    ]);

    // Saving without a segment shows the rule's problem and sends nothing.
    await user.type(screen.getByLabelText('Segment name'), 'Not hot');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect(await within(ruleGroup('1')).findByText('“is member of” needs a segment')).toBeTruthy();
    expect(background.of('createSegment')).toEqual([]);

    await user.selectOptions(operator, 'is_not_member_of');
    await user.selectOptions(within(ruleGroup('1')).getByLabelText('Segment'), 'hot');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(background.of('createSegment')).toHaveLength(1));
    expect(background.of('createSegment')[0]).toMatchObject({
      draft: { rules: { combinator: 'and', rules: [{ field: 'segmentMembership', operator: 'is_not_member_of', value: 'hot' }] } },
    });
  });

  it('shows the background’s cycle error and keeps the editor open', async () => {
    const message = 'Segment membership rules cannot go round in a circle: "Hot leads" → "Archived leads" → "Hot leads".';
    const background = fakeBackground({
      previewSegment: async () => ({ ok: true, data: { count: 0, total: 0, sample: [], elapsedMs: 1 } }),
      updateSegment: async () => ({ ok: false, error: message }),
    });
    const user = userEvent.setup();
    renderPopup(db, background.send);
    await user.click(await screen.findByTitle('Edit Hot leads'));
    const field = within(ruleGroup('1')).getByLabelText('Field');
    await user.selectOptions(field, 'segmentMembership');
    const picker = within(ruleGroup('1')).getByLabelText('Segment') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['', 'old']); // not itself
    await user.selectOptions(picker, 'old');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByLabelText('Segment name')).toBeTruthy();
  });
});
