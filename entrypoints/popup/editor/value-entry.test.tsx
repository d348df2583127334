// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { fakeBackground, fieldValuesOf, makeLead, renderPopup, testDb } from '../test-kit';
import { memoryDraftStore } from './draft-store';

let db: CrmSegmentsDB;
beforeEach(async () => {
  db = testDb();
  localStorage.clear();
  await db.customFields.bulkPut([{ key: 'city', label: 'City', type: 'select', options: ['Pune'] }]);
  await db.leads.bulkPut([
    makeLead(1, { source: 'Google', country: 'India', tags: ['ebook'], custom: { city: 'Mumbai' } }),
    makeLead(2, { source: 'google', country: 'India', tags: ['ebook', 'Will revert'] }),
    makeLead(3, { source: 'Direct Traffic', country: 'Qatar' }),
    makeLead(4, { source: 'Google' }),
  ]);
});
afterEach(() => {
  cleanup();
  db.close();
});

async function ruleOne(field: string, operator: string) {
  const user = userEvent.setup();
  const background = fakeBackground({ getFieldValueCounts: fieldValuesOf(db) });
  renderPopup(db, background.send, { draftStore: memoryDraftStore() });
  await user.click(await screen.findByRole('button', { name: 'Create segment' }));
  const rule = screen.getByRole('group', { name: 'Rule 1' });
  await user.selectOptions(within(rule).getByLabelText('Field'), field);
  await user.selectOptions(within(rule).getByLabelText('Operator'), operator);
  return { user, rule, background };
}

const chipTexts = (rule: HTMLElement) =>
  within(rule)
    .queryAllByRole('listitem')
    .map((chip) => chip.querySelector('.chip-text')?.textContent);

const note = (rule: HTMLElement) => rule.querySelector('.value-note')?.textContent ?? '';

describe('value entry: paste a list', () => {
  it('makes one chip per comma, semicolon, tab or line separated value, duplicates collapsed', async () => {
    const { user, rule } = await ruleOne('source', 'is_any_of');
    await user.click(within(rule).getByRole('combobox', { name: 'Values' }));
    await user.paste('Google, Direct Traffic; Olark Chat\tgoogle\nReference\r\n  Welingak   Website ,');
    expect(chipTexts(rule)).toEqual(['Google', 'Direct Traffic', 'Olark Chat', 'Reference', 'Welingak Website']);
    expect(within(rule).getByRole('combobox', { name: 'Values' })).toHaveProperty('value', '');
    expect(rule.querySelector('[aria-live]')?.textContent).toBe('Added 5 values (1 already in the list)');
    // A value without a separator is pasted as text, to be finished and added with Enter.
    await user.paste('Referral');
    await user.keyboard(' Sites{Enter}');
    expect(chipTexts(rule).at(-1)).toBe('Referral Sites');
  });

  it('takes a long list at once and shows the first chips with "Show all N values"', async () => {
    const { user, rule } = await ruleOne('country', 'is_any_of');
    const countries = Array.from({ length: 300 }, (_, i) => `Country ${i + 1}`);
    await user.click(within(rule).getByRole('combobox', { name: 'Values' }));
    await user.paste(countries.join('\n'));
    expect(chipTexts(rule)).toHaveLength(24);
    await user.click(within(rule).getByRole('button', { name: 'Show all 300 values' }));
    expect(chipTexts(rule)).toEqual(countries);
  });
});

describe('value entry: pick lists with counts', () => {
  it('offers the stored values of a few-valued field with their lead counts, and still takes free text', async () => {
    const { user, rule } = await ruleOne('source', 'equals');
    const value = within(rule).getByRole('combobox', { name: 'Value' });
    await user.click(value);
    const listbox = await within(rule).findByRole('listbox', { name: 'Suggestions' });
    await waitFor(() => expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Google3', 'Direct Traffic1']));
    expect(within(listbox).getByRole('option', { name: 'Google 3 leads' })).toBeTruthy();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(value).toHaveProperty('value', 'Direct Traffic');
    expect(value.getAttribute('aria-expanded')).toBe('false');
    await user.clear(value);
    await user.type(value, 'goo');
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Google3']);
    await user.type(value, 'gle');
    // Typed out in full: the list closes, so it does not cover the next thing clicked.
    await waitFor(() => expect(value.getAttribute('aria-expanded')).toBe('false'));
    await user.type(value, ' Ads');
    expect(value).toHaveProperty('value', 'google Ads');
  });

  it('Enter in an open pick list picks the highlighted value or closes the list, and never saves the segment', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({ createSegment: async () => ({ ok: false, error: 'not expected' }), getFieldValueCounts: fieldValuesOf(db) });
    renderPopup(db, background.send, { draftStore: memoryDraftStore() });
    await user.click(await screen.findByRole('button', { name: 'Create segment' }));
    await user.type(screen.getByLabelText('Segment name'), 'Google leads');
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    await user.selectOptions(within(rule).getByLabelText('Field'), 'source');
    const value = within(rule).getByRole('combobox', { name: 'Value' });
    await user.type(value, 'Go');
    await waitFor(() => expect(value.getAttribute('aria-expanded')).toBe('true'));
    // Nothing highlighted: Enter only closes the list.
    await user.keyboard('{Enter}');
    expect(value.getAttribute('aria-expanded')).toBe('false');
    expect(value).toHaveProperty('value', 'Go');
    // Highlighted: Enter picks it.
    await user.keyboard('{ArrowDown}');
    expect(value.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Enter}');
    expect(value).toHaveProperty('value', 'Google');
    expect(background.of('createSegment')).toEqual([]);
    // With the list closed, Enter saves as before.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(background.of('createSegment')).toHaveLength(1));
  });

  it('merges a custom select field’s declared options (count 0) with its stored values', async () => {
    const { user, rule } = await ruleOne('custom.city', 'equals');
    await user.click(within(rule).getByRole('combobox', { name: 'Value' }));
    const listbox = await within(rule).findByRole('listbox', { name: 'Suggestions' });
    await waitFor(() => expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Mumbai1', 'Pune0']));
    await user.click(within(listbox).getByRole('option', { name: /^Pune/ }));
    expect(within(rule).getByRole('combobox', { name: 'Value' })).toHaveProperty('value', 'Pune');
  });

  it('asks the background once per field: the first field brings every pick-list field with it', async () => {
    const { user, rule, background } = await ruleOne('source', 'equals');
    await user.click(within(rule).getByRole('combobox', { name: 'Value' }));
    await within(rule).findByRole('listbox', { name: 'Suggestions' });
    await user.selectOptions(within(rule).getByLabelText('Field'), 'country');
    await user.click(within(rule).getByRole('combobox', { name: 'Value' }));
    await waitFor(() => expect(within(within(rule).getByRole('listbox', { name: 'Suggestions' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['India2', 'Qatar1']));
    await user.selectOptions(within(rule).getByLabelText('Field'), 'source');
    await user.click(within(rule).getByRole('combobox', { name: 'Value' }));
    expect(background.of('getFieldValueCounts')).toEqual([{ fields: ['source', 'status', 'priority', 'country', 'language', 'groupName', 'tags', 'custom.city'] }]);
  });

  it('keeps a plain text box for fields with many distinct values', async () => {
    const { rule } = await ruleOne('company', 'equals');
    expect(within(rule).getByRole('textbox', { name: 'Value' })).toBeTruthy();
    expect(within(rule).queryByRole('combobox', { name: 'Value' })).toBeNull();
  });
});

describe('value entry: values no lead has', () => {
  it('warns quietly for an "is" value no stored lead has, not for a stored one or an empty one', async () => {
    const { user, rule } = await ruleOne('country', 'equals');
    const value = within(rule).getByRole('combobox', { name: 'Value' });
    await waitFor(() => expect(rule.querySelector('.value-note')).not.toBeNull());
    expect(note(rule)).toBe('');
    await user.type(value, 'Atlantis');
    await waitFor(() => expect(note(rule)).toBe('No lead has Country = Atlantis'));
    await user.clear(value);
    await user.type(value, ' india ');
    expect(note(rule)).toBe('');
    await user.selectOptions(within(rule).getByLabelText('Operator'), 'contains');
    await user.type(within(rule).getByRole('combobox', { name: 'Value' }), 'Atlantis');
    expect(note(rule)).toBe('');
  });

  it('names the list values no lead has, in the operator’s terms', async () => {
    const { user, rule } = await ruleOne('country', 'is_none_of');
    await user.click(within(rule).getByRole('combobox', { name: 'Values' }));
    await user.paste('India, Narnia, Atlantis');
    await waitFor(() => expect(note(rule)).toBe('No lead has Country = Narnia or Atlantis'));
    await user.selectOptions(within(rule).getByLabelText('Field'), 'tags');
    await user.click(within(rule).getByRole('combobox', { name: 'Values' }));
    await user.paste('ebook, podcast');
    await waitFor(() => expect(note(rule)).toBe('No lead has podcast in Tags'));
  });
});
