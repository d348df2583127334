import { formatDistanceStrict } from 'date-fns';

/**
 * "just now", "1 minute ago", "3 hours ago", "2 days ago" for an epoch-ms time `then` seen at
 * `now` (epoch ms). The first minute is "just now" (never "50 seconds ago": labels are re-read every
 * 30 s or more by `useNow`, so a seconds count would stand still, and wrong). Times in the future
 * (clock skew) read as "just now".
 */
export function timeAgo(then: number, now: number): string {
  if (now - then < 60_000) return 'just now';
  return formatDistanceStrict(then, now, { addSuffix: true, roundingMethod: 'floor' });
}
