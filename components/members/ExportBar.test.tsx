// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { memberColumns, type MemberRow } from '../../lib/format/member-columns';
import { ExportBar } from './ExportBar';
import { CAMPAIGNS, CUSTOM_FIELDS, LEADS } from './test-fixtures';

afterEach(cleanup);

const columns = memberColumns(CUSTOM_FIELDS, CAMPAIGNS).slice(0, 3);
const rows: MemberRow[] = LEADS.slice(0, 2).map((lead) => ({ lead }));
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('ExportBar', () => {
  it('disables Export CSV and Copy emails for a segment without members, and says why', () => {
    render(<ExportBar segmentName="Empty" shown={[]} all={[]} columns={columns} download={() => undefined} />);
    for (const name of ['Export CSV', 'Copy emails']) {
      expect(button(name).disabled).toBe(true);
      expect(button(name).title).toBe('No members to export: this segment has no members yet.');
      expect(screen.getByRole('button', { name, description: 'No members to export: this segment has no members yet.' })).toBe(button(name));
    }
  });

  it('explains an empty search result and enables the buttons for "All"', () => {
    render(<ExportBar segmentName="Hot" shown={[]} all={rows} columns={columns} download={() => undefined} />);
    expect(button('Export CSV').disabled).toBe(true);
    expect(button('Export CSV').title).toBe('No members shown: change the search or filters, or choose All.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Export scope' }), { target: { value: 'all' } });
    expect(button('Export CSV').disabled).toBe(false);
    expect(button('Export CSV').getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/No members/)).toBeNull();
  });
});
