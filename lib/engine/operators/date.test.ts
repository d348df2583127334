import { EMPTY, runOperatorCases, type OperatorCase } from './operator-cases';

/** An instant given as wall-clock time in Asia/Kolkata (UTC+05:30, no DST). */
const ist = (local: string): number => Date.parse(`${local}+05:30`);

// now = 2026-03-31T10:00Z = 2026-03-31 15:30 in Kolkata. docs/semantics.md §3 rule 6.
const cases: OperatorCase[] = [
  { operator: 'on', value: '2026-03-08', lead: ist('2026-03-08T00:00:00.000'), expected: true },
  { operator: 'on', value: '2026-03-08', lead: ist('2026-03-08T23:59:59.999'), expected: true },
  { operator: 'on', value: '2026-03-08', lead: ist('2026-03-07T23:59:59.999'), expected: false },
  { operator: 'on', value: '2026-03-08', lead: ist('2026-03-09T00:00:00.000'), expected: false },
  { operator: 'on', value: '2026-03-08', lead: EMPTY, expected: false },
  { operator: 'not_on', value: '2026-03-08', lead: ist('2026-03-09T00:00:00.000'), expected: true },
  { operator: 'not_on', value: '2026-03-08', lead: ist('2026-03-08T12:00:00.000'), expected: false },
  { operator: 'not_on', value: '2026-03-08', lead: EMPTY, expected: true },
  { operator: 'before', value: '2026-03-08', lead: ist('2026-03-07T23:59:59.999'), expected: true },
  { operator: 'before', value: '2026-03-08', lead: ist('2026-03-08T00:00:00.000'), expected: false },
  { operator: 'before', value: '2999-01-01', lead: EMPTY, expected: false },
  { operator: 'after', value: '2026-03-08', lead: ist('2026-03-09T00:00:00.000'), expected: true },
  { operator: 'after', value: '2026-03-08', lead: ist('2026-03-08T23:59:59.999'), expected: false },
  { operator: 'after', value: '1970-01-02', lead: EMPTY, expected: false },
  { operator: 'between', value: ['2026-03-01', '2026-03-08'], lead: ist('2026-03-01T00:00:00.000'), expected: true },
  { operator: 'between', value: ['2026-03-01', '2026-03-08'], lead: ist('2026-03-08T23:59:59.999'), expected: true },
  { operator: 'between', value: ['2026-03-01', '2026-03-08'], lead: ist('2026-03-09T00:00:00.000'), expected: false },
  { operator: 'between', value: ['2026-03-01', '2026-03-08'], lead: ist('2026-02-28T23:59:59.999'), expected: false },
  { operator: 'between', value: ['1970-01-02', '2999-01-01'], lead: EMPTY, expected: false },
  // in_last 30 days: from 2026-03-01 15:30 IST to now (inclusive both ends).
  { operator: 'in_last', value: { amount: 30, unit: 'days' }, lead: ist('2026-03-01T15:30:00.000'), expected: true },
  { operator: 'in_last', value: { amount: 30, unit: 'days' }, lead: ist('2026-03-31T15:30:00.000'), expected: true },
  { operator: 'in_last', value: { amount: 30, unit: 'days' }, lead: ist('2026-03-01T15:29:59.999'), expected: false },
  { operator: 'in_last', value: { amount: 30, unit: 'days' }, lead: ist('2026-03-31T15:30:00.001'), expected: false },
  { operator: 'in_last', value: { amount: 2, unit: 'weeks' }, lead: ist('2026-03-17T15:30:00.000'), expected: true },
  { operator: 'in_last', value: { amount: 2, unit: 'weeks' }, lead: ist('2026-03-17T15:29:59.999'), expected: false },
  { operator: 'in_last', value: { amount: 10000, unit: 'months' }, lead: EMPTY, expected: false },
  { operator: 'more_than_ago', value: { amount: 30, unit: 'days' }, lead: ist('2026-03-01T15:29:59.999'), expected: true },
  { operator: 'more_than_ago', value: { amount: 30, unit: 'days' }, lead: ist('2026-03-01T15:30:00.000'), expected: false },
  { operator: 'more_than_ago', value: { amount: 1, unit: 'days' }, lead: EMPTY, expected: false },
  { operator: 'in_next', value: { amount: 1, unit: 'weeks' }, lead: ist('2026-04-07T15:30:00.000'), expected: true },
  { operator: 'in_next', value: { amount: 1, unit: 'weeks' }, lead: ist('2026-03-31T15:30:00.000'), expected: true },
  { operator: 'in_next', value: { amount: 1, unit: 'weeks' }, lead: ist('2026-04-07T15:30:00.001'), expected: false },
  { operator: 'in_next', value: { amount: 1, unit: 'weeks' }, lead: ist('2026-03-31T15:29:59.999'), expected: false },
  { operator: 'in_next', value: { amount: 10000, unit: 'months' }, lead: EMPTY, expected: false },
  { operator: 'is_empty', lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: 0, expected: false },
  { operator: 'is_not_empty', lead: ist('2026-03-08T00:00:00.000'), expected: true },
  { operator: 'is_not_empty', lead: EMPTY, expected: false },
];

runOperatorCases({
  family: 'date',
  fields: ['createdAt', 'lastContactAt', 'custom.next_call'],
  cases,
  timeZone: 'Asia/Kolkata',
  // Empty, and wrong JS types: dates are stored as epoch ms, so an ISO string is empty.
  emptyValues: [undefined, null, Number.NaN, '', '  ', '2026-03-08', '2026-03-08T00:00:00Z', true],
});
