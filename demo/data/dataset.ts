/**
 * The demo dataset shipped with the repository: the public "Lead Scoring" lead export, 9,240
 * rows, gzip-compressed (`leads.csv.gz`, source and terms in `README.md` here). The demo CRM, the
 * tests, the demo runner and the benchmarks all read it through this one constant, so a clone of
 * this repository alone has everything it needs.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Absolute path of the in-repo dataset (`demo/data/leads.csv.gz`). */
export const DEMO_LEADS_CSV = fileURLToPath(new URL('./leads.csv.gz', import.meta.url));

/** CSV text from file bytes: gunzipped when the path ends in `.gz`, else read as UTF-8. */
function csvText(path: string, bytes: Buffer): string {
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * The CSV text of `path` (default: the in-repo dataset); a `.gz` file is decompressed.
 * Throws the file system's error (e.g. ENOENT) when it cannot be read.
 */
export function readLeadsCsvText(path: string = DEMO_LEADS_CSV): string {
  return csvText(path, readFileSync(path));
}

/** Like {@link readLeadsCsvText}, without blocking the event loop (the demo server). */
export async function readLeadsCsvTextAsync(path: string = DEMO_LEADS_CSV): Promise<string> {
  return csvText(path, await readFile(path));
}
