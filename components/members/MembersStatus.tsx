import type { RefreshJob } from '../../lib/schema';
import { ExportBar } from './ExportBar';
import { useFormatter } from './formatter-context';
import type { MemberListState } from './use-member-list';
import type { MemberView } from './use-member-view';

/** Props of {@link MembersStatus}. */
export interface MembersStatusProps {
  segmentName: string;
  list: MemberListState;
  view: MemberView;
  /** The segment's running refresh job, if any. */
  job: RefreshJob | undefined;
  download?: (fileName: string, text: string) => void;
  copy?: (text: string) => Promise<void>;
}

/**
 * The line above the member table: "Showing X of Y members", how far loading got ("Loading
 * members… 200 of 250,000") and, while the segment refreshes, the count marked provisional (the
 * summary above says "Refreshing… N of M leads checked", issue 10 item 6), and "Sorting…" or
 * "Searching…" while the member worker orders a large list; then the export toolbar.
 */
export function MembersStatus({ segmentName, list, view, job, download, copy }: MembersStatusProps) {
  const formatter = useFormatter();
  const { rows } = list;
  const total = list.total ?? rows?.length ?? 0;
  const loading = rows !== undefined && !list.complete;
  let showing = 'Loading members…';
  if (loading) {
    // The first page is on screen; the rest is still being read.
    showing =
      list.total === undefined
        ? `Loading members… first ${formatter.number(rows.length)} shown`
        : `Loading members… ${formatter.number(rows.length)} of ${formatter.number(list.total)}`;
  } else if (rows) {
    showing = `Showing ${formatter.number(view.shown.length)} of ${formatter.number(total)} ${total === 1 ? 'member' : 'members'}`;
    if (job) showing += ' (provisional)';
    // A large list is ordered by the member worker; the previous order stays until it answers.
    if (view.pending) showing += view.pending === 'search' ? ' · Searching…' : ' · Sorting…';
  }
  return (
    <div class="list-bar">
      <div class="members-meta">
        <p
          class="showing"
          role="status"
          data-shown={rows && !loading && !view.pending ? view.shown.length : undefined}
          data-total={rows && !loading && !view.pending ? total : undefined}
          data-provisional={job ? 'true' : undefined}
          data-loaded={loading ? rows.length : undefined}
          data-busy={view.pending}
        >
          {showing}
        </p>
        {view.narrowed && (
          <button type="button" class="link-button" onClick={view.clearNarrowing}>
            Clear
          </button>
        )}
      </div>
      {rows && total > 0 && (
        <ExportBar
          segmentName={segmentName}
          shown={view.shown}
          all={view.sorted}
          columns={view.columns}
          // While the member worker orders a new list, the table still shows the previous one:
          // an export then would hold the old rows (e.g. 80,000 of 120,000), so it waits.
          loading={loading || view.pending !== undefined}
          download={download}
          copy={copy}
        />
      )}
    </div>
  );
}
