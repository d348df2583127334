import { ColumnChooser } from './ColumnChooser';
import type { MemberView } from './use-member-view';

/** "Search members", the "Filters" toggle and the column chooser above the member table (issue 5 §2). */
export function MembersToolbar({ view }: { view: MemberView }) {
  const { search, filtersOpen } = view;
  return (
    <div class="toolbar">
      <div class="search">
        <svg class="search-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.6" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        </svg>
        <input
          type="search"
          class="search-input"
          aria-label="Search members"
          placeholder="Search members"
          title="Search by name, email or company"
          value={search}
          onInput={(event) => view.setSearch((event.currentTarget as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && search) {
              event.preventDefault();
              view.setSearch('');
            }
          }}
        />
      </div>
      <div class="toolbar-buttons">
        <button
          type="button"
          class={`button button-small${filtersOpen ? ' is-on' : ''}`}
          aria-pressed={filtersOpen}
          onClick={view.toggleFilters}
          title={filtersOpen ? 'Hide the filter row (clears filters)' : 'Filter by any column'}
        >
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path d="M2 3.5h12L9.5 9v4l-3 1.2V9z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
          </svg>
          Filters
        </button>
        <ColumnChooser columns={view.allColumns} selected={view.columns.map((c) => c.id)} onChange={view.changeColumns} />
      </div>
    </div>
  );
}
