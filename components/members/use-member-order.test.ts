// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { memberColumns, type MemberRow } from '../../lib/format/member-columns';
import { filterMembers, MemberIndex, sortMembers, type MemberSort } from '../../lib/format/member-query';
import { testLead } from '../../lib/format/test-leads';
import { createFormatter } from '../../lib/format/value';
import { IN_THREAD_LIMIT, useMemberOrder } from './use-member-order';

const columns = memberColumns([]);
const formatter = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
const many: MemberRow[] = Array.from({ length: IN_THREAD_LIMIT + 100 }, (_, i) => ({
  lead: testLead(String(i).padStart(5, '0'), { name: `Member ${(i * 7919) % 2100}`, email: `m${i}@example.com` }),
}));
const ASC: MemberSort = { columnId: 'name', direction: 'asc' };
const DESC: MemberSort = { columnId: 'name', direction: 'desc' };
const ids = (rows: readonly MemberRow[]) => rows.map((r) => r.lead.id);

describe('useMemberOrder', () => {
  it('orders a few members within the render', () => {
    const few = many.slice(0, 50);
    const { result } = renderHook(() => useMemberOrder(few, columns, DESC, '', {}, formatter));
    expect(ids(result.current.sorted)).toEqual(ids(sortMembers(few, columns, DESC, 'en-US')));
    expect(result.current.pending).toBeUndefined();
  });

  it('keeps the previous order on screen while a large list is ordered elsewhere, then shows the new one', async () => {
    const props = { sort: ASC, search: '' };
    const { result, rerender } = renderHook(() => useMemberOrder(many, columns, props.sort, props.search, {}, formatter));
    await waitFor(() => expect(result.current.pending).toBeUndefined());
    const ascending = ids(sortMembers(many, columns, ASC, 'en-US'));
    expect(ids(result.current.sorted)).toEqual(ascending);

    props.sort = DESC;
    rerender();
    expect(result.current.pending).toBe('sort');
    expect(ids(result.current.sorted)).toEqual(ascending);
    // Typed again before the sort came back: only the newest query's answer is shown.
    props.search = 'member 7';
    rerender();
    expect(result.current.pending).toBe('sort');
    await waitFor(() => expect(result.current.pending).toBeUndefined());
    expect(ids(result.current.sorted)).toEqual(ids(sortMembers(many, columns, DESC, 'en-US')));
    const expected = filterMembers(new MemberIndex(sortMembers(many, columns, DESC, 'en-US'), formatter), columns, { search: 'member 7', filters: {} });
    expect(ids(result.current.shown)).toEqual(ids(expected));
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThan(many.length);
    expect(result.current.queryKey).toBe('name:desc|member 7|{}');
  });
});
