import type { CustomFieldDef, CustomFieldType } from '../schema/custom-field';
import { MULTI_COLUMN_TARGETS, STANDARD_TARGET_LABELS, fieldKeyForHeader, isStandardTarget, type ColumnPlan, type ImportMapping } from './plan';
import { detectFieldType, standardTargetType, withReadingOptions } from './suggest';

/** A key for a new custom field from `header` that no existing field or other new column uses. */
function freeKey(header: string, mapping: ImportMapping, customFields: readonly CustomFieldDef[], except: number): string {
  const taken = new Set([
    ...customFields.map((f) => f.key),
    ...mapping.columns.flatMap((c) => (c.index !== except && c.target === 'new' && c.newField ? [c.newField.key] : [])),
  ]);
  const base = fieldKeyForHeader(header);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/**
 * The mapping with column `index` sent to `target`, with the reading options that target needs
 * (date format, number style or separator detected from `samples`; a new field's key and type).
 */
export function retarget(mapping: ImportMapping, index: number, target: string, samples: readonly string[], customFields: readonly CustomFieldDef[]): ImportMapping {
  const columns = mapping.columns.map((column): ColumnPlan => {
    if (column.index !== index) return column;
    const { newField: _n, ...rest } = column;
    const base = { ...rest, target: target as ColumnPlan['target'] };
    if (target === 'skip') return withReadingOptions(base, 'text', samples);
    if (isStandardTarget(target)) return withReadingOptions(base, standardTargetType(target), samples);
    if (target === 'new') {
      const type = detectFieldType(column.header, samples);
      const newField = { key: freeKey(column.header, mapping, customFields, index), label: column.header.trim() || 'Imported field', type };
      return withReadingOptions({ ...base, newField }, type, samples);
    }
    const field = customFields.find((f) => `custom.${f.key}` === target);
    return withReadingOptions(base, field?.type ?? 'text', samples);
  });
  return { ...mapping, columns };
}

/** The mapping with a new column's field type changed (reading options follow the type). */
export function retype(mapping: ImportMapping, index: number, type: CustomFieldType, samples: readonly string[]): ImportMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => (c.index === index && c.newField ? withReadingOptions({ ...c, newField: { ...c.newField, type } }, type, samples) : c)),
  };
}

/** What must be fixed before the import can start, in plain words ([] when it can). */
export function mappingProblems(mapping: ImportMapping, customFields: readonly CustomFieldDef[]): string[] {
  const problems: string[] = [];
  const byTarget = new Map<string, string[]>();
  for (const column of mapping.columns) {
    if (column.target === 'skip' || column.target === 'new') continue;
    byTarget.set(column.target, [...(byTarget.get(column.target) ?? []), column.header]);
  }
  for (const [target, headers] of byTarget) {
    if (headers.length < 2 || (isStandardTarget(target) && MULTI_COLUMN_TARGETS.includes(target))) continue;
    const label = isStandardTarget(target) ? STANDARD_TARGET_LABELS[target] : (customFields.find((f) => `custom.${f.key}` === target)?.label ?? target);
    problems.push(`${headers.map((h) => `"${h}"`).join(' and ')} are all mapped to ${label}; map only one.`);
  }
  const keys = new Set(customFields.map((f) => f.key));
  for (const column of mapping.columns) {
    if (column.target === 'new' && column.newField) {
      if (keys.has(column.newField.key)) problems.push(`The new field key "${column.newField.key}" of "${column.header}" is already used.`);
      if (column.newField.label.trim() === '') problems.push(`Name the new field of "${column.header}".`);
      keys.add(column.newField.key);
    }
  }
  if (!mapping.columns.some((c) => c.index === mapping.keyColumn)) problems.push('Choose the column that identifies each lead (unique key).');
  if (mapping.columns.every((c) => c.target === 'skip')) problems.push('Map at least one column to a field.');
  return problems;
}

/**
 * A remembered mapping made fit for today's custom fields: columns mapped to a new field that
 * now exists (created by the last import) are mapped to it; columns mapped to a field that no
 * longer exists become new fields again. `null` when it does not describe these headers.
 */
export function reconcileSavedMapping(saved: ImportMapping, headers: readonly string[], rows: readonly (readonly string[])[], customFields: readonly CustomFieldDef[]): ImportMapping | null {
  if (saved.columns.length !== headers.length || saved.columns.some((c) => headers[c.index] !== c.header)) return null;
  let mapping = saved;
  for (const column of saved.columns) {
    const samples = rows.map((r) => (r[column.index] ?? '').trim()).filter((v) => v !== '');
    if (column.target === 'new' && column.newField && customFields.some((f) => f.key === column.newField?.key)) {
      mapping = { ...mapping, columns: mapping.columns.map((c) => (c.index === column.index ? { ...c, target: `custom.${column.newField?.key}` as const, newField: undefined } : c)) };
    } else if (column.target.startsWith('custom.') && !customFields.some((f) => `custom.${f.key}` === column.target)) {
      mapping = retarget(mapping, column.index, 'new', samples, customFields);
    }
  }
  return mapping;
}
