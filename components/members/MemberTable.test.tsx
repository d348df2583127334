// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberColumns, pickColumns, type MemberRow } from '../../lib/format/member-columns';
import { testLead } from '../../lib/format/test-leads';
import { FormatterProvider } from './formatter-context';
import { MemberTable } from './MemberTable';
import { ROW_HEIGHT } from './table-layout';

afterEach(cleanup);

const columns = pickColumns(memberColumns([]), ['name', 'email']);
const rows: MemberRow[] = Array.from({ length: 100_000 }, (_, i) => ({
  lead: testLead(String(i), { name: `Member ${String(i).padStart(6, '0')}`, email: `m${i}@example.com` }),
}));

/** Renders the table of `shown` (default: the 100,000 members) in a 20-row viewport; returns `onOpen`. */
function renderTable(onOpen = vi.fn(), shown: MemberRow[] = rows, label = 'Members of Big') {
  render(
    <FormatterProvider locale="en-US" timeZone="UTC">
      <MemberTable
        rows={shown}
        columns={columns}
        sort={{ columnId: 'name', direction: 'asc' }}
        onSort={() => {}}
        filtersOpen={false}
        filters={{}}
        onFilterChange={() => {}}
        onOpen={onOpen}
        label={label}
        queryKey="q"
        initialRect={{ width: 360, height: 20 * ROW_HEIGHT }}
      />
    </FormatterProvider>,
  );
  return onOpen;
}

describe('MemberTable', () => {
  it('renders only the rows around the viewport of 100,000 members', () => {
    renderTable();
    const grid = screen.getByRole('grid', { name: 'Members of Big' });
    expect(grid.getAttribute('aria-rowcount')).toBe('100001');
    const rendered = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-lead-id'));
    expect(rendered.length).toBeGreaterThanOrEqual(20);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]!.textContent).toContain('Member 000000');
    expect((grid.querySelector('.table-body') as HTMLElement).style.height).toBe(`${100_000 * ROW_HEIGHT}px`);
  });

  it('tells apart members without a name by email, else by CRM id; other empty cells show a dash', () => {
    const unnamed: MemberRow[] = [{ lead: testLead('A-1', { email: 'a@example.com' }) }, { lead: testLead('B-2') }];
    renderTable(vi.fn(), unnamed, 'Unnamed');
    const cells = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-lead-id')).map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent));
    expect(cells).toEqual([
      ['a@example.com', 'a@example.com'],
      ['Lead B-2', '—'],
    ]);
  });

  it('moves the active row with the arrow keys and opens it with Enter', async () => {
    const user = userEvent.setup();
    const onOpen = renderTable();
    const grid = screen.getByRole('grid');
    grid.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    const active = document.getElementById(grid.getAttribute('aria-activedescendant')!);
    expect(active?.getAttribute('data-lead-id')).toBe(rows[1]!.lead.id);
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(rows[1]!.lead.id);
    await user.keyboard('{Home}');
    expect(document.getElementById(grid.getAttribute('aria-activedescendant')!)?.getAttribute('data-lead-id')).toBe(rows[0]!.lead.id);
  });

  it('opens a row on click', async () => {
    const user = userEvent.setup();
    const onOpen = renderTable();
    await user.click(screen.getByText('Member 000003'));
    expect(onOpen).toHaveBeenCalledWith(rows[3]!.lead.id);
  });
});
