import { z, lazySchema } from './zod';
import { formatZodError } from './common';
import { SegmentDraftSchema, type Segment } from './segment';

/**
 * The segment file (issue 8 §3, docs/semantics.md §7): shareable segment definitions as JSON. Versioned by
 * `format` + `version`; each segment keeps who created it (`createdBy`). Rules are docs/semantics.md §3 rule
 * sets, validated here exactly as a new segment's are. Unknown keys are dropped.
 */
export const SEGMENT_FILE_FORMAT = 'crm-segments.segments';
/** The version this build writes and reads. */
export const SEGMENT_FILE_VERSION = 1;
/** Files larger than this (bytes) are refused before reading. */
export const MAX_SEGMENT_FILE_BYTES = 5 * 1024 * 1024;

const PersonSchema = lazySchema(() => z.object({
  userId: z.string().max(200),
  name: z.string().max(200),
  orgId: z.string().max(200),
}));

/** One segment definition in a file: a draft plus its creator and creation time (ISO 8601). */
export const SegmentFileEntrySchema = lazySchema(() => SegmentDraftSchema.extend({
  createdBy: PersonSchema,
  createdAt: z.iso.datetime({ offset: true }).optional(),
}));
export type SegmentFileEntry = z.output<typeof SegmentFileEntrySchema>;

export const SegmentFileSchema = lazySchema(() => z.object({
  format: z.literal(SEGMENT_FILE_FORMAT, { error: 'is not a CRM Segments segment file' }),
  version: z.literal(SEGMENT_FILE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  segments: z.array(SegmentFileEntrySchema).min(1, 'the file has no segments').max(500, 'a file holds at most 500 segments'),
}));
export type SegmentFile = z.output<typeof SegmentFileSchema>;

/** The result of reading a segment file: its content, or why it was refused (in words). */
export type SegmentFileParse = { ok: true; file: SegmentFile } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "segments.2.rules.rules.0.value: …" → "Segment 3, rules.rules.0.value: …" (first 3 problems). */
function describeProblems(error: z.ZodError): string {
  const first = new z.ZodError(error.issues.slice(0, 3));
  const text = formatZodError(first).replace(/(^|; )segments\.(\d+)(\.|:)/g, (_m, lead: string, index: string, after: string) =>
    `${lead}Segment ${Number(index) + 1}${after === '.' ? ', ' : ':'}`,
  );
  return error.issues.length > 3 ? `${text} (and ${error.issues.length - 3} more problems)` : text;
}

/**
 * Parses and validates the text of a segment file. Never throws: malformed JSON, another kind
 * of file, a newer format version or an invalid segment gives `{ ok: false, reason }`.
 */
export function parseSegmentFile(text: string): SegmentFileParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not valid JSON.' };
  }
  if (!isObject(json) || json.format !== SEGMENT_FILE_FORMAT) {
    return { ok: false, reason: 'This is not a CRM Segments segment file.' };
  }
  if (typeof json.version === 'number' && json.version > SEGMENT_FILE_VERSION) {
    return {
      ok: false,
      reason: `The file was made by a newer version of CRM Segments (format version ${json.version}). Update the extension to import it.`,
    };
  }
  const parsed = SegmentFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `The file is not valid: ${describeProblems(parsed.error)}.` };
  return { ok: true, file: parsed.data };
}

/** A segment file holding `segments` (creator kept), exported at `now` (epoch ms). */
export function buildSegmentFile(segments: readonly Segment[], now: number): SegmentFile {
  return {
    format: SEGMENT_FILE_FORMAT,
    version: SEGMENT_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    segments: segments.map((s) => ({
      name: s.name,
      description: s.description,
      color: s.color,
      rules: s.rules,
      status: s.status,
      createdBy: { userId: s.ownerId, name: s.ownerName, orgId: s.orgId },
      createdAt: new Date(s.createdAt).toISOString(),
    })),
  };
}

/** "crm-segments-hot-leads-2025-06-01.json" / "crm-segments-2025-06-01.json" (day in UTC). */
export function segmentFileName(now: number, single?: string): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const slug = single
    ?.normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `crm-segments-${slug ? `${slug}-` : ''}${day}.json`;
}
