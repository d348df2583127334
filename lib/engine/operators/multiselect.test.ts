import { EMPTY, runOperatorCases, type OperatorCase } from './operator-cases';

// More than 30 values takes the Set path of includes_all instead of the bit mask.
const many = Array.from({ length: 32 }, (_, i) => `Tag ${i}`);

// docs/semantics.md §3 rule 4: elements compare as text; includes_none is true on an empty list.
const cases: OperatorCase[] = [
  { operator: 'includes_any', value: ['ebook', 'Ringing'], lead: ['Will revert', ' RINGING '], expected: true },
  { operator: 'includes_any', value: ['file'], lead: ['ﬁle'], expected: true },
  { operator: 'includes_any', value: ['ebook'], lead: ['e-book', 'books'], expected: false },
  { operator: 'includes_any', value: ['ebook'], lead: EMPTY, expected: false },
  { operator: 'includes_all', value: ['ebook', 'do-not-email'], lead: ['DO-NOT-EMAIL', 'x', 'Ebook'], expected: true },
  { operator: 'includes_all', value: ['ebook', 'EBOOK'], lead: ['ebook'], expected: true },
  { operator: 'includes_all', value: ['ebook', 'do-not-email'], lead: ['ebook', 'ebook'], expected: false },
  { operator: 'includes_all', value: many, lead: [...many].reverse().map((t) => t.toUpperCase()), expected: true },
  { operator: 'includes_all', value: many, lead: many.slice(1), expected: false },
  { operator: 'includes_all', value: ['ebook'], lead: EMPTY, expected: false },
  { operator: 'includes_none', value: ['lost', 'junk'], lead: ['ebook'], expected: true },
  { operator: 'includes_none', value: ['lost', 'junk'], lead: ['ebook', ' Junk'], expected: false },
  { operator: 'includes_none', value: ['lost'], lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: ['a'], expected: false },
  { operator: 'is_not_empty', lead: ['', 'a'], expected: true },
  { operator: 'is_not_empty', lead: EMPTY, expected: false },
];

runOperatorCases({
  family: 'multiselect',
  fields: ['tags', 'custom.interests'],
  cases,
  // [] and lists of blank elements are empty; so are non-lists (wrong JS type).
  emptyValues: [undefined, null, [], [''], ['  ', '\t'], [null, 3], 'ebook', Number.NaN],
});
