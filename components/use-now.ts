import { useEffect, useState } from 'preact/hooks';

/** The current time (epoch ms), re-read every `intervalMs` so "5 minutes ago" labels stay true. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
