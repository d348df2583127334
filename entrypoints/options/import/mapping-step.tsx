import { columnSamples } from '../../../lib/import/suggest';
import { mappingProblems, retarget, retype } from '../../../lib/import/mapping-edit';
import type { CsvPreview } from '../../../lib/import/convert-file';
import type { ColumnPlan, ImportMapping } from '../../../lib/import/plan';
import type { CustomFieldDef } from '../../../lib/schema';
import { ColumnMapping } from './column-mapping';

/** Props of {@link MappingStep}. */
export interface MappingStepProps {
  fileName: string;
  preview: CsvPreview;
  mapping: ImportMapping;
  /** The part after `csv:` of the CRM key the leads are stored under. */
  storeAs: string;
  customFields: readonly CustomFieldDef[];
  remembered: boolean;
  onMapping(mapping: ImportMapping): void;
  onStoreAs(name: string): void;
  onImport(): void;
  onBack(): void;
}

const PREVIEW_ROWS = 5;
export const STORE_AS_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The mapping step: the first rows, the unique key, and one target per column. */
export function MappingStep(props: MappingStepProps) {
  const { preview, mapping, customFields } = props;
  const problems = mappingProblems(mapping, customFields);
  if (!STORE_AS_PATTERN.test(props.storeAs)) problems.push('The import name may use lower-case letters, digits and "-" only.');
  const samplesOf = (index: number) => columnSamples(preview.rows, index);
  const patch = (index: number, change: Partial<ColumnPlan>) =>
    props.onMapping({ ...mapping, columns: mapping.columns.map((c) => (c.index === index ? { ...c, ...change } : c)) });

  return (
    <div class="import-mapping">
      <h3>
        Map the columns of <bdi>{props.fileName}</bdi>
      </h3>
      <p class="hint">
        {props.remembered ? 'The mapping you used last time for these columns is filled in.' : 'Suggested from the column names and values; change what is wrong.'} Empty
        cells stay empty; values that cannot be read are left empty and counted.
      </p>
      {preview.malformed ? (
        <p class="banner banner-warning" role="status">
          {preview.malformed === 1 ? 'A row' : `${preview.malformed.toLocaleString('en-US')} rows`} near the top of this file could not be read as CSV (often a quote
          that is never closed, which runs into the lines after it), so the values below may be wrong. Such rows are skipped and named
          in the report after the import; check the file if the columns look wrong.
        </p>
      ) : null}
      <div class="import-preview" tabIndex={0} aria-label="First rows of the file">
        <table class="options-table">
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th key={i} scope="col">
                  <bdi title={h}>{h}</bdi>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_, i) => (
                  <td key={i}>
                    <bdi title={row[i] ?? ''}>{row[i] ?? ''}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="import-settings">
        <label class="field">
          <span>Unique key column</span>
          <select value={String(mapping.keyColumn)} onChange={(e) => props.onMapping({ ...mapping, keyColumn: Number(e.currentTarget.value) })}>
            {preview.headers.map((h, i) => (
              <option key={i} value={String(i)}>
                {h}
              </option>
            ))}
          </select>
          <small class="hint">An id or email that is different for every lead: importing the file again updates these leads instead of adding copies.</small>
        </label>
        <label class="field">
          <span>Import name</span>
          <span class="import-prefixed">
            csv:
            <input value={props.storeAs} onInput={(e) => props.onStoreAs(e.currentTarget.value.trim().toLowerCase())} />
          </span>
          <small class="hint">Imported leads are kept apart from your connected CRMs' leads under this name.</small>
        </label>
      </div>
      <table class="options-table import-columns">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Values</th>
            <th scope="col">Import as</th>
            <th scope="col">Options</th>
          </tr>
        </thead>
        <tbody>
          {mapping.columns.map((column) => (
            <ColumnMapping
              key={column.index}
              column={column}
              samples={samplesOf(column.index)}
              customFields={customFields}
              isKey={column.index === mapping.keyColumn}
              onTarget={(target) => props.onMapping(retarget(mapping, column.index, target, samplesOf(column.index), customFields))}
              onChange={(change) => patch(column.index, change)}
              onType={(type) => props.onMapping(retype(mapping, column.index, type, samplesOf(column.index)))}
            />
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul class="options-error import-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div class="import-actions">
        <button type="button" class="button button-primary" disabled={problems.length > 0} onClick={props.onImport}>
          Import
        </button>
        <button type="button" class="button button-secondary" onClick={props.onBack}>
          Choose another file
        </button>
      </div>
    </div>
  );
}
