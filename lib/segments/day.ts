import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * The calendar day ("YYYY-MM-DD") of instant `now` (epoch ms) in `timeZone` (IANA): the day of a
 * SegmentHistory row (SPEC §2: day in the evaluation time zone).
 */
export function dayInTimeZone(now: number, timeZone: string): string {
  return format(new TZDate(now, timeZone), 'yyyy-MM-dd');
}
