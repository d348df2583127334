import type { z } from '../schema';

/** A row of each table in words ("segmentHistory" → "History row"); tables added later use their own name. */
const ROW_NAMES: Readonly<Record<string, string>> = {
  leads: 'Lead',
  segments: 'Segment',
  memberships: 'Membership',
  memberBlocks: 'Block of memberships',
  segmentHistory: 'History row',
  campaigns: 'Campaign',
  customFields: 'Custom field',
  jobs: 'Refresh job',
  meta: 'Setting',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
  null: 'empty',
  undefined: 'missing',
};

const words = (type: string): string => TYPE_WORDS[type] ?? type;

/** `"email"`, `"custom.visits"`, `"tags" item 3`, or "the value" for an issue at the root. */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the value';
  const names = path.filter((p) => typeof p !== 'number').map(String);
  const index = path.findLast((p) => typeof p === 'number');
  const field = names.length > 0 ? `"${names.join('.')}"` : 'the list';
  return index === undefined ? field : `${field} item ${Number(index) + 1}`;
}

/** One Zod issue as a sentence fragment: which field, what is wrong. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const at = where(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return `${at} is missing`;
      return `${at} should be ${words(issue.expected)}${received ? `, not ${words(received)}` : ''}`;
    }
    case 'too_small':
      return Number(issue.minimum) === 1 && issue.origin !== 'number' ? `${at} is empty` : `${at} is too small (at least ${String(issue.minimum)})`;
    case 'too_big':
      return `${at} is too large (at most ${String(issue.maximum)})`;
    case 'invalid_value':
      return `${at} should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `${at} is not in the expected form`;
    case 'unrecognized_keys':
      return `${at} has fields this version does not know (${issue.keys.join(', ')})`;
    default:
      return issue.path.length === 0 ? issue.message : `${at}: ${issue.message}`;
  }
}

/** Up to three issues of a Zod error in plain words, joined ("… and 4 more problems"). */
export function describeZodProblems(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map(describeIssue);
  const more = error.issues.length - parts.length;
  return parts.join('; ') + (more > 0 ? ` and ${more} more ${more === 1 ? 'problem' : 'problems'}` : '');
}

/** "Lead 12 (id "csv:x/7")": which row of which table, as a person reads it. */
export function describeRow(table: string, index: number, row: unknown): string {
  const name = ROW_NAMES[table] ?? `Row of ${table}`;
  const id = typeof row === 'object' && row !== null && !Array.isArray(row) ? (row as Record<string, unknown>).id ?? (row as Record<string, unknown>).key : undefined;
  return `${name} ${index + 1}${typeof id === 'string' && id.length <= 80 ? ` (id "${id}")` : ''}`;
}

/** `lead "demo/123"`, `block of memberships "seg-1, demo/7"`: a row named by its primary key. */
export function describeDuplicateKey(table: string, key: unknown): string {
  const name = ROW_NAMES[table] ?? `row of ${table}`;
  const text = Array.isArray(key) ? key.map(String).join(', ') : String(key);
  return `${name.charAt(0).toLowerCase()}${name.slice(1)} "${text.length <= 80 ? text : `${text.slice(0, 77)}...`}"`;
}
