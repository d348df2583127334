import { z, lazySchema } from './zod';

/** Epoch milliseconds (UTC), a finite integer-valued number. */
export const EpochMs = lazySchema(() => z.number().finite());

/** A calendar day as `YYYY-MM-DD` that exists in the proleptic Gregorian calendar. */
export const IsoDay = lazySchema(() => z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  }, 'is not a real calendar day'));

/** A colour as `#rrggbb` (docs/semantics.md §2: validated, never interpolated unvalidated into CSS). */
export const HexColor = lazySchema(() => z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb'));

/** Formats a Zod error as one plain-language line per issue: "path: message". */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
