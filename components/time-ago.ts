import { formatDistanceStrict } from 'date-fns';

/**
 * "just now", "5 minutes ago", "3 hours ago", "2 days ago" for an epoch-ms time `then` seen at
 * `now` (epoch ms). Times in the future (clock skew) read as "just now".
 */
export function timeAgo(then: number, now: number): string {
  if (now - then < 45_000) return 'just now';
  return formatDistanceStrict(then, now, { addSuffix: true, roundingMethod: 'floor' });
}
