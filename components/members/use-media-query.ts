import { useEffect, useState } from 'preact/hooks';

/** Whether a CSS media query matches, updated live; false where `matchMedia` is missing (jsdom). */
export function useMediaQuery(query: string): boolean {
  const read = () => (typeof globalThis.matchMedia === 'function' ? globalThis.matchMedia(query).matches : false);
  const [matches, setMatches] = useState(read);
  useEffect(() => {
    if (typeof globalThis.matchMedia !== 'function') return;
    const list = globalThis.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
