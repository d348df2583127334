import { EMPTY, runOperatorCases, type OperatorCase } from './operator-cases';

// docs/semantics.md §3 rules 1–3: trimmed, inner white space collapsed, NFKC, lower case; accents significant.
const cases: OperatorCase[] = [
  { operator: 'equals', value: 'Google', lead: 'Google', expected: true },
  { operator: 'equals', value: 'Google', lead: '  gOOGLE \t', expected: true },
  { operator: 'equals', value: 'Interested  in full time MBA', lead: 'interested in\n full   time mba', expected: true },
  { operator: 'equals', value: 'file', lead: 'ﬁle', expected: true }, // NFKC: ligature fi
  { operator: 'equals', value: 'ABC', lead: 'ＡＢＣ', expected: true }, // NFKC: full-width letters
  { operator: 'equals', value: 'Café', lead: 'Cafe\u0301', expected: true }, // NFKC composes e + ◌́
  { operator: 'equals', value: 'Café', lead: 'Cafe', expected: false }, // accents are significant
  { operator: 'equals', value: 'Google', lead: 'Googles', expected: false },
  { operator: 'equals', value: 'Google', lead: 'google \u00a0', expected: true }, // trailing non-ASCII white space
  { operator: 'equals', value: 'Olark Chat', lead: 'Olark \u00a0\u2003Chat', expected: true },
  { operator: 'equals', value: 'Google', lead: 'Google\u0301', expected: false }, // composes to "googlé"
  { operator: 'equals', value: 'Googlé', lead: 'GOOGLE\u0301', expected: true },
  { operator: 'equals', value: 'Google', lead: 'Goo', expected: false },
  { operator: 'equals', value: 'Google', lead: 'Google x', expected: false },
  { operator: 'equals', value: 'Google', lead: EMPTY, expected: false },
  { operator: 'not_equals', value: 'Lost', lead: 'Converted', expected: true },
  { operator: 'not_equals', value: 'Lost', lead: ' LOST ', expected: false },
  { operator: 'not_equals', value: 'Lost', lead: EMPTY, expected: true },
  { operator: 'not_equals', value: '  ', lead: 'Lost', expected: true }, // a blank rule value equals nothing
  { operator: 'equals', value: '', lead: 'Lost', expected: false },
  { operator: 'contains', value: 'full time', lead: 'Interested in FULL  time MBA', expected: true },
  { operator: 'contains', value: 'mba', lead: 'Interested in other courses', expected: false },
  { operator: 'contains', value: 'é', lead: 'cafe', expected: false },
  { operator: 'contains', value: 'a', lead: EMPTY, expected: false },
  { operator: 'not_contains', value: 'spam', lead: 'Direct traffic', expected: true },
  { operator: 'not_contains', value: 'SPAM', lead: 'marked spam', expected: false },
  { operator: 'not_contains', value: 'spam', lead: EMPTY, expected: true },
  { operator: 'starts_with', value: 'Olark', lead: ' olark chat', expected: true },
  { operator: 'starts_with', value: 'chat', lead: 'Olark Chat', expected: false },
  { operator: 'starts_with', value: 'o', lead: EMPTY, expected: false },
  { operator: 'ends_with', value: 'CHAT', lead: 'Olark Chat  ', expected: true },
  { operator: 'ends_with', value: 'olark', lead: 'Olark Chat', expected: false },
  { operator: 'ends_with', value: 'x', lead: EMPTY, expected: false },
  { operator: 'is_any_of', value: ['Google', 'Facebook'], lead: 'facebook', expected: true },
  { operator: 'is_any_of', value: ['Google', 'Facebook', 'Bing', 'Organic Search'], lead: 'organic  search', expected: true },
  { operator: 'is_any_of', value: ['Google', 'Facebook', 'Bing', 'Organic Search'], lead: 'Reference', expected: false },
  { operator: 'is_any_of', value: ['Google', 'Facebook'], lead: 'Google Ads', expected: false },
  { operator: 'is_any_of', value: ['Google', 'Café'], lead: 'CAFE\u0301', expected: true }, // non-ASCII rule values
  { operator: 'is_any_of', value: ['Google', 'Facebook', 'Bing'], lead: ' BING', expected: true },
  { operator: 'is_any_of', value: ['Google', 'Facebook', 'Bing'], lead: 'Yahoo', expected: false },
  { operator: 'is_any_of', value: ['Google'], lead: EMPTY, expected: false },
  { operator: 'is_none_of', value: ['Lost', 'Junk'], lead: 'New', expected: true },
  { operator: 'is_none_of', value: ['Lost', 'Junk'], lead: 'JUNK', expected: false },
  { operator: 'is_none_of', value: ['Lost'], lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: EMPTY, expected: true },
  { operator: 'is_empty', lead: 'x', expected: false },
  { operator: 'is_empty', lead: '\u00a0a', expected: false },
  { operator: 'is_not_empty', lead: ' a ', expected: true },
  { operator: 'is_not_empty', lead: EMPTY, expected: false },
];

runOperatorCases({
  family: 'text',
  fields: ['status', 'source', 'custom.city', 'custom.lead_quality'],
  cases,
  // Empty (docs/semantics.md §3 rule 1) and wrong JS types (treated as empty, see lib/engine/index.ts).
  emptyValues: [undefined, null, '', '   ', '\t\n ', '\u00a0\u3000', Number.NaN, 42, ['Google']],
});
