import { useEffect } from 'preact/hooks';

/**
 * While `active`, closing or reloading the page makes the browser ask "Leave site?" first
 * (`beforeunload`), e.g. during a CSV import that would stop half-way.
 */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
