import { useState } from 'preact/hooks';

/**
 * A small UI preference kept in `localStorage` under `key` (e.g. the list's sort order). A stored
 * value that fails `isValid` (stale, tampered) is ignored in favour of `fallback`; storage errors
 * only mean the preference is not remembered.
 */
export function useStoredState<T extends string>(key: string, fallback: T, isValid: (value: unknown) => value is T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = globalThis.localStorage?.getItem(key);
      return isValid(stored) ? stored : fallback;
    } catch {
      return fallback;
    }
  });
  const update = (next: T) => {
    setValue(next);
    try {
      globalThis.localStorage?.setItem(key, next);
    } catch {
      // Not remembered; the choice still applies while the popup is open.
    }
  };
  return [value, update];
}
