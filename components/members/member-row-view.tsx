import { Component } from 'preact';
import { cellText, type MemberColumn, type MemberRow } from '../../lib/format/member-columns';
import { EMPTY_DISPLAY, type ValueFormatter } from '../../lib/format/value';
import { ROW_HEIGHT } from './table-layout';

/** Props of {@link MemberRowView}. */
export interface MemberRowViewProps {
  id: string;
  index: number;
  ariaRowIndex: number;
  row: MemberRow;
  columns: readonly MemberColumn[];
  widths: readonly number[];
  formatter: ValueFormatter;
  selected: boolean;
  active: boolean;
  onClick: (leadId: string) => void;
}

/**
 * One member row. Re-renders only when one of its props changes, so scrolling renders just the
 * rows entering the viewport.
 */
export class MemberRowView extends Component<MemberRowViewProps> {
  override shouldComponentUpdate(next: MemberRowViewProps): boolean {
    const current = this.props;
    return (Object.keys(next) as Array<keyof MemberRowViewProps>).some((key) => next[key] !== current[key]);
  }

  override render() {
    const { id, index, ariaRowIndex, row, columns, widths, formatter, selected, active, onClick } = this.props;
    return (
      <div
        id={id}
        role="row"
        aria-rowindex={ariaRowIndex}
        aria-selected={selected}
        data-lead-id={row.lead.id}
        class={`table-row member-row${index % 2 ? ' is-odd' : ''}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
        style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: `${ROW_HEIGHT}px` }}
        onClick={() => onClick(row.lead.id)}
      >
        {columns.map((column, i) => {
          const text = cellText(row, column, formatter);
          return (
            <div
              key={column.id}
              role="gridcell"
              class={`table-cell kind-${column.kind}${column.id === 'name' ? ' cell-name' : ''}`}
              style={{ width: `${widths[i]}px` }}
              title={text || undefined}
            >
              {/* Lead data is isolated: a right-to-left override in one value never reverses the next (issue 9). */}
              {text !== '' ? (
                <bdi>{text}</bdi>
              ) : column.id === 'name' ? (
                // A lead without a name is still told apart, as in the popup: by its email, else its CRM id.
                <span class="cell-empty">
                  <bdi>{row.lead.email || `Lead ${row.lead.crmId}`}</bdi>
                </span>
              ) : (
                <span class="cell-empty">{EMPTY_DISPLAY}</span>
              )}
            </div>
          );
        })}
      </div>
    );
  }
}
