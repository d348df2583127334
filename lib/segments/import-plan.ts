import type { SegmentDraft } from '../schema';
import type { SegmentFileEntry } from '../schema/segment-file';
import { segmentNameKey } from './segment-editing';

/** What to do with one segment of a file: import it (under `name`, maybe renamed) or skip it. */
export interface ImportDecision {
  entry: SegmentFileEntry;
  /** The name of one of my segments it clashes with, if any (then the user renames or skips). */
  clashesWith?: string;
  skip: boolean;
  /** The name to import under (the entry's own name unless renamed). */
  name: string;
}

const MAX_NAME = 80;

/** `name (imported)`, then `name (imported 2)`, … — the first free in `taken`, at most 80 chars. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`;
    const candidate = name.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(segmentNameKey(candidate))) return candidate;
  }
}

/**
 * First decisions for a file's segments against the names of my segments (docs/semantics.md §2: unique per
 * owner, case-insensitive): an entry whose name I already use is marked `clashesWith`, skipped by
 * default and offered a free "… (imported)" name; others are imported as they are.
 */
export function planImport(entries: readonly SegmentFileEntry[], myNames: readonly string[]): ImportDecision[] {
  const mine = new Map(myNames.map((n) => [segmentNameKey(n), n]));
  const taken = new Set([...mine.keys(), ...entries.map((e) => segmentNameKey(e.name))]);
  const seen = new Set<string>();
  return entries.map((entry) => {
    const key = segmentNameKey(entry.name);
    const clash = mine.get(key) ?? (seen.has(key) ? entry.name : undefined);
    seen.add(key);
    if (clash === undefined) return { entry, skip: false, name: entry.name };
    const name = freeName(entry.name, taken);
    taken.add(segmentNameKey(name));
    return { entry, clashesWith: clash, skip: true, name };
  });
}

/**
 * Problems with the names of the decisions that will be imported, by index: empty, too long, one
 * of my names, or used twice in the import. An empty result means the import can go ahead.
 */
export function importNameProblems(decisions: readonly ImportDecision[], myNames: readonly string[]): Map<number, string> {
  const mine = new Set(myNames.map(segmentNameKey));
  const problems = new Map<number, string>();
  const used = new Map<string, number>();
  decisions.forEach((d, index) => {
    if (d.skip) return;
    const name = d.name.trim();
    const key = segmentNameKey(name);
    if (name === '') problems.set(index, 'Enter a name');
    else if (name.length > MAX_NAME) problems.set(index, `At most ${MAX_NAME} characters`);
    else if (mine.has(key)) problems.set(index, `You already have a segment named “${name}”`);
    else if (used.has(key)) problems.set(index, `“${name}” is used twice in this import`);
    used.set(key, index);
  });
  return problems;
}

/** The drafts to send (`importSegments`) for the decisions not skipped, in file order. */
export function draftsToImport(decisions: readonly ImportDecision[]): SegmentDraft[] {
  return decisions
    .filter((d) => !d.skip)
    .map(({ entry, name }) => ({ name: name.trim(), description: entry.description, color: entry.color, rules: entry.rules, status: entry.status }));
}
