import type { RetypeReport } from '../../../lib/segments/custom-field-changes';
import { formatCount, formatNumber, pluralWord } from '../../../lib/format/number';
import { TYPE_LABELS } from './field-words';

const n = formatNumber;

/** The outcome line of a type change: "12 values could not be read as number and are now empty". */
export function retypeSummary(report: RetypeReport, label: string): string {
  const head = `"${label}" is now ${TYPE_LABELS[report.to]}: ${n(report.converted)} of ${formatCount(report.checked, 'lead', 'leads')} rewritten.`;
  const emptied =
    report.emptied === 0
      ? ' Every value could be read.'
      : ` ${formatCount(report.emptied, 'value', 'values')} could not be read as ${TYPE_LABELS[report.to]} and ${pluralWord(report.emptied, 'is', 'are')} now empty.`;
  const invalid = report.invalidSegments.length > 0 ? ` Needs an edit: ${report.invalidSegments.map((s) => `"${s.name}"`).join(', ')}.` : '';
  return head + emptied + invalid;
}

/** Which leads lost their value in a type change (the first 100), with the value they had. */
export function EmptiedLeads({ report }: { report: RetypeReport }) {
  if (report.emptiedLeads.length === 0) return null;
  return (
    <details class="field-emptied">
      <summary>
        Leads whose value is now empty
        {report.emptied > report.emptiedLeads.length ? ` (first ${n(report.emptiedLeads.length)} of ${n(report.emptied)})` : ''}
      </summary>
      <table class="options-table" aria-label="Leads whose value is now empty">
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Value before</th>
          </tr>
        </thead>
        <tbody>
          {report.emptiedLeads.map((lead) => (
            <tr key={lead.leadId}>
              <td>
                {lead.leadName || lead.leadId} <span class="muted">{lead.leadId}</span>
              </td>
              <td>{lead.before}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
