// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { memberColumns, type MemberRow } from '../../lib/format/member-columns';
import { MembersStatus } from './MembersStatus';
import { CAMPAIGNS, CUSTOM_FIELDS, LEADS } from './test-fixtures';
import type { MemberView } from './use-member-view';

afterEach(cleanup);

const columns = memberColumns(CUSTOM_FIELDS, CAMPAIGNS).slice(0, 3);
const rows: MemberRow[] = LEADS.slice(0, 3).map((lead) => ({ lead }));
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

/** A view whose table still shows `onScreen` while the member worker orders the new list (or not). */
function view(onScreen: MemberRow[], pending: MemberView['pending']): MemberView {
  const noop = () => undefined;
  return {
    allColumns: columns,
    columns,
    sort: { columnId: columns[0]!.id, direction: 'asc' },
    search: '',
    filters: {},
    filtersOpen: false,
    sorted: onScreen,
    shown: onScreen,
    narrowed: false,
    queryKey: 'k',
    pending,
    setSearch: noop,
    setFilter: noop,
    toggleFilters: noop,
    changeColumns: noop,
    changeSort: noop,
    clearNarrowing: noop,
  };
}

describe('MembersStatus', () => {
  it('keeps Export CSV and Copy emails disabled while the new list is still being ordered, so no export holds the previous rows', () => {
    const list = { rows, total: 3, complete: true, error: undefined };
    const { rerender } = render(<MembersStatus segmentName="Hot" list={list} view={view(rows.slice(0, 2), 'sort')} job={undefined} />);
    expect(document.querySelector('p.showing')?.textContent).toBe('Showing 2 of 3 members · Sorting…');
    for (const name of ['Export CSV', 'Copy emails']) {
      expect(button(name).disabled).toBe(true);
      expect(button(name).title).toBe('Available once every member is loaded');
    }
    rerender(<MembersStatus segmentName="Hot" list={list} view={view(rows, undefined)} job={undefined} />);
    expect(document.querySelector('p.showing')?.textContent).toBe('Showing 3 of 3 members');
    for (const name of ['Export CSV', 'Copy emails']) expect(button(name).disabled).toBe(false);
  });
});
