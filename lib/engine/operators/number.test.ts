import { EMPTY, runOperatorCases, type OperatorCase } from './operator-cases';

// docs/semantics.md §3 rules 1, 2, 5.
const cases: OperatorCase[] = [
  { operator: 'equals', value: 5, lead: 5, expected: true },
  { operator: 'equals', value: 5, lead: 5.5, expected: false },
  { operator: 'equals', value: 0, lead: EMPTY, expected: false },
  { operator: 'not_equals', value: 5, lead: 4, expected: true },
  { operator: 'not_equals', value: 5, lead: 5, expected: false },
  { operator: 'not_equals', value: 0, lead: EMPTY, expected: true },
  { operator: 'gt', value: 3, lead: 4, expected: true },
  { operator: 'gt', value: 3, lead: 3, expected: false },
  { operator: 'gt', value: -1, lead: EMPTY, expected: false },
  { operator: 'gte', value: 3, lead: 3, expected: true },
  { operator: 'gte', value: 3, lead: 2.99, expected: false },
  { operator: 'gte', value: -1, lead: EMPTY, expected: false },
  { operator: 'lt', value: 3, lead: -10, expected: true },
  { operator: 'lt', value: 3, lead: 3, expected: false },
  { operator: 'lt', value: 1e9, lead: EMPTY, expected: false },
  { operator: 'lte', value: 3, lead: 3, expected: true },
  { operator: 'lte', value: 3, lead: 3.01, expected: false },
  { operator: 'lte', value: 1e9, lead: EMPTY, expected: false },
  { operator: 'between', value: [1, 5], lead: 1, expected: true },
  { operator: 'between', value: [1, 5], lead: 5, expected: true },
  { operator: 'between', value: [2, 2], lead: 2, expected: true },
  { operator: 'between', value: [1, 5], lead: 5.0001, expected: false },
  { operator: 'between', value: [1, 5], lead: 0, expected: false },
  { operator: 'between', value: [-1e9, 1e9], lead: EMPTY, expected: false },
  { operator: 'is_empty', lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: 0, expected: false },
  { operator: 'is_not_empty', lead: 0, expected: true },
  { operator: 'is_not_empty', lead: EMPTY, expected: false },
];

runOperatorCases({
  family: 'number',
  fields: ['custom.total_visits'],
  cases,
  // Empty (docs/semantics.md §3 rule 1) and wrong JS types: a number field holding text is empty.
  emptyValues: [undefined, null, Number.NaN, '', '  ', '5', true, [5]],
});
