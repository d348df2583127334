import { browser } from 'wxt/browser';
import { parseStoredTarget, SIDE_PANEL_TARGET_KEY, STORED_TARGET_MAX_AGE_MS, type PanelTarget } from './navigation';

/**
 * Where navigation requests come from besides the URL: the background stores the wanted view in
 * `browser.storage.session` (key `sidepanelTarget`) when a badge or "Show members" asks for the
 * panel, including while it is already open.
 */
export interface NavigationSource {
  /** A request stored shortly before the panel opened (≤ 60 s old), or null. */
  initial(): Promise<PanelTarget | null>;
  /** Calls `onTarget` for every later request; returns an unsubscribe function. */
  subscribe(onTarget: (target: PanelTarget) => void): () => void;
}

/** A request without a view ("Show members", a badge) shows the Members tab. */
const toTarget = ({ segmentId, leadId, view }: PanelTarget): PanelTarget => ({
  ...(segmentId ? { segmentId } : {}),
  ...(leadId ? { leadId } : {}),
  view: view ?? 'members',
});

/** The real source: `browser.storage.session` and `browser.storage.onChanged` (no-ops where unavailable). */
export function browserNavigationSource(): NavigationSource {
  return {
    async initial() {
      try {
        const session = browser.storage?.session;
        if (!session) return null;
        const stored = parseStoredTarget((await session.get(SIDE_PANEL_TARGET_KEY))[SIDE_PANEL_TARGET_KEY]);
        return stored && Date.now() - stored.at <= STORED_TARGET_MAX_AGE_MS ? toTarget(stored) : null;
      } catch {
        return null;
      }
    },
    subscribe(onTarget) {
      const onChanged = browser.storage?.onChanged;
      if (!onChanged) return () => {};
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        if (areaName !== 'session' || !(SIDE_PANEL_TARGET_KEY in changes)) return;
        const stored = parseStoredTarget(changes[SIDE_PANEL_TARGET_KEY]?.newValue);
        if (stored) onTarget(toTarget(stored));
      };
      onChanged.addListener(listener);
      return () => onChanged.removeListener(listener);
    },
  };
}
