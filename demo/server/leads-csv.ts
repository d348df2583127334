/**
 * Loads the lead-scoring CSV (docs/semantics.md §6) with papaparse and maps every row to a demo lead.
 */
import Papa from 'papaparse';
import { DEMO_LEADS_CSV, readLeadsCsvTextAsync } from '../data/dataset';
import { mapCsvRow, leadNumberOf, REQUIRED_COLUMNS, type CsvRow, type DemoLead } from './lead-mapping';

/** The dataset's default location: the in-repo copy `demo/data/leads.csv.gz`. */
export const DEFAULT_LEADS_CSV = DEMO_LEADS_CSV;

/** The leads CSV is missing or unusable; `message` is one plain-language line. */
export class LeadsCsvError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LeadsCsvError';
  }
}

/** Result of loading the CSV: the leads in file order and the rows that were skipped (with why). */
export interface LoadedLeads {
  leads: DemoLead[];
  skipped: Array<{ line: number; reason: string }>;
}

/**
 * Parses CSV text and maps each row (docs/semantics.md §6) with reference time `now` (epoch ms).
 * Throws LeadsCsvError when required columns are missing. Rows without a valid or with a repeated
 * `Lead Number` are skipped and reported.
 */
export function parseLeadsCsv(text: string, now: number): LoadedLeads {
  const parsed = Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true });
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new LeadsCsvError(`The leads CSV is missing columns: ${missing.join(', ')}`);
  const numbers = parsed.data.map(leadNumberOf).filter((n): n is number => n !== null);
  const ctx = {
    now,
    minNumber: numbers.reduce((a, b) => Math.min(a, b), Infinity),
    maxNumber: numbers.reduce((a, b) => Math.max(a, b), -Infinity),
  };
  const leads: DemoLead[] = [];
  const skipped: LoadedLeads['skipped'] = [];
  const seen = new Set<string>();
  parsed.data.forEach((row, index) => {
    const line = index + 2; // 1-based, after the header line
    const lead = mapCsvRow(row, ctx);
    if (typeof lead === 'string') skipped.push({ line, reason: lead });
    else if (seen.has(lead.id)) skipped.push({ line, reason: `Lead Number ${lead.id} appears more than once` });
    else {
      seen.add(lead.id);
      leads.push(lead);
    }
  });
  return { leads, skipped };
}

/**
 * Reads and maps the CSV at `path` (plain or `.gz`). Throws LeadsCsvError with a one-line message when the file
 * is missing or unreadable (the CLI prints it and exits 1).
 */
export async function loadLeadsCsv(path: string, now: number): Promise<LoadedLeads> {
  let text: string;
  try {
    text = await readLeadsCsvTextAsync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not readable';
    throw new LeadsCsvError(`Leads CSV ${reason} at ${path} — set DEMO_LEADS_CSV to the path of Leads.csv`, { cause: error });
  }
  return parseLeadsCsv(text, now);
}
