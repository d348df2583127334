/**
 * Test support for the table-driven operator tests (`*.test.ts` beside each operator table): runs
 * each case through the public `compileRules` on every field of the family, and checks that the
 * table covers every operator of the family with a match, a non-match and the empty values.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_PREFIX, OPERATORS, type OperatorFamily } from '../../schema/fields';
import type { Lead } from '../../schema/lead';
import { makeLead, testContext } from '../fixtures';
import { compileRules } from '../index';

/** Marks a case that runs once per empty value of the family (docs/semantics.md §3 rule 1). */
export const EMPTY = Symbol('every empty value');

/** One row: `operator` with rule `value` on a lead whose field holds `lead`. */
export interface OperatorCase {
  operator: string;
  value?: unknown;
  lead: unknown;
  expected: boolean;
}

/** Sets `fieldKey`'s value on a lead: a standard property, `custom.<key>`, or `campaigns`. */
export function leadWith(fieldKey: string, value: unknown): Lead {
  const lead = makeLead();
  if (fieldKey === 'campaigns') return { ...lead, campaigns: value as Lead['campaigns'] };
  if (fieldKey.startsWith(CUSTOM_PREFIX)) return { ...lead, custom: { [fieldKey.slice(CUSTOM_PREFIX.length)]: value as never } };
  const patched: Record<string, unknown> = { ...lead };
  if (value === undefined) delete patched[fieldKey];
  else patched[fieldKey] = value;
  return patched as unknown as Lead;
}

const show = (v: unknown): string =>
  typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v === undefined ? 'undefined' : JSON.stringify(v);

/**
 * Runs `cases` for `family` on each of `fields` (rule field keys). A case whose `lead` is
 * {@link EMPTY} runs on each of `emptyValues`. `leadField` maps a rule field to where the value
 * goes on the lead (campaign rules all read `campaigns`).
 */
export function runOperatorCases(options: {
  family: OperatorFamily;
  fields: string[];
  cases: OperatorCase[];
  emptyValues: unknown[];
  timeZone?: string;
  now?: number;
  leadField?: (field: string) => string;
}): void {
  const { family, fields, cases, emptyValues } = options;
  const ctx = testContext(options.timeZone ?? 'UTC', options.now);
  const rows = cases.flatMap((c) => (c.lead === EMPTY ? emptyValues.map((lead) => ({ ...c, lead })) : [c]));

  describe(`${family} operators`, () => {
    it('the table covers every operator with a match, a non-match and the empty values', () => {
      for (const op of OPERATORS[family]) {
        const mine = cases.filter((c) => c.operator === op.id);
        expect(mine.some((c) => c.expected), `${op.id} has a matching case`).toBe(true);
        expect(mine.some((c) => !c.expected), `${op.id} has a non-matching case`).toBe(true);
        expect(mine.some((c) => c.lead === EMPTY), `${op.id} has an empty case`).toBe(true);
      }
    });

    for (const field of fields) {
      it.each(rows)(`${field} $operator $value on $lead → $expected`, (row) => {
        const lead = leadWith(options.leadField?.(field) ?? field, row.lead);
        const predicate = compileRules({ combinator: 'and', rules: [{ field, operator: row.operator, value: row.value }] }, ctx);
        expect(predicate(lead), `${field} ${row.operator} ${show(row.value)} on ${show(row.lead)}`).toBe(row.expected);
      });
    }
  });
}
