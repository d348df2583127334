import { useNow } from '../use-now';
import { dayKey } from '../../lib/format/value';

/**
 * Today as "YYYY-MM-DD" in `timeZone` — the evaluation time zone, in which history days are
 * recorded — re-read every minute so the windows roll over at midnight.
 */
export function useToday(timeZone: string): string {
  return dayKey(useNow(60_000), timeZone);
}
