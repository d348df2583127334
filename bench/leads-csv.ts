import Papa from 'papaparse';
import { DEMO_LEADS_CSV, readLeadsCsvText } from '../demo/data/dataset';

/** The public lead-scoring dataset the benchmark's distributions are shaped on (the in-repo copy). */
export const LEADS_CSV_PATH = DEMO_LEADS_CSV;

/** The columns of one CSV row the synthetic generator uses (raw strings, "" when blank). */
export interface LeadsCsvRow {
  leadOrigin: string;
  leadSource: string;
  doNotEmail: string;
  converted: string;
  totalVisits: string;
  timeOnSite: string;
  pageViewsPerVisit: string;
  lastActivity: string;
  country: string;
  specialization: string;
  occupation: string;
  tags: string;
  leadQuality: string;
  city: string;
  freeCopy: string;
}

/**
 * Reads every row of the dataset (9,240 rows). Sampling whole rows keeps the real correlations
 * between columns (e.g. conversion vs. tags, origin vs. source).
 * @throws Error when the file is missing or has none of the expected columns.
 */
export function readLeadsCsv(path: string = LEADS_CSV_PATH): LeadsCsvRow[] {
  const parsed = Papa.parse<Record<string, string>>(readLeadsCsvText(path), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = parsed.data.map((r) => ({
    leadOrigin: r['Lead Origin'] ?? '',
    leadSource: r['Lead Source'] ?? '',
    doNotEmail: r['Do Not Email'] ?? '',
    converted: r['Converted'] ?? '',
    totalVisits: r['TotalVisits'] ?? '',
    timeOnSite: r['Total Time Spent on Website'] ?? '',
    pageViewsPerVisit: r['Page Views Per Visit'] ?? '',
    lastActivity: r['Last Activity'] ?? '',
    country: r['Country'] ?? '',
    specialization: r['Specialization'] ?? '',
    occupation: r['What is your current occupation'] ?? '',
    tags: r['Tags'] ?? '',
    leadQuality: r['Lead Quality'] ?? '',
    city: r['City'] ?? '',
    freeCopy: r['A free copy of Mastering The Interview'] ?? '',
  }));
  if (rows.length === 0 || rows.every((r) => r.leadOrigin === '')) {
    throw new Error(`${path}: no lead rows with the expected columns`);
  }
  return rows;
}
