import { EMPTY, runOperatorCases, type OperatorCase } from './operator-cases';

const cases: OperatorCase[] = [
  { operator: 'is_true', lead: true, expected: true },
  { operator: 'is_true', lead: false, expected: false },
  { operator: 'is_true', lead: EMPTY, expected: false },
  { operator: 'is_false', lead: false, expected: true },
  { operator: 'is_false', lead: true, expected: false },
  { operator: 'is_false', lead: EMPTY, expected: false },
  { operator: 'is_empty', lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: false, expected: false },
  { operator: 'is_not_empty', lead: false, expected: true },
  { operator: 'is_not_empty', lead: true, expected: true },
  { operator: 'is_not_empty', lead: EMPTY, expected: false },
];

runOperatorCases({
  family: 'boolean',
  fields: ['custom.do_not_email'],
  cases,
  // Empty and wrong JS types ("Yes", 1): only true/false are values.
  emptyValues: [undefined, null, '', '  ', 'true', 'Yes', 1, 0, Number.NaN, []],
});
