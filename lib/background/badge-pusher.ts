/**
 * Live badge updates off the critical path (issue 10 item 2). Content scripts ask for the
 * memberships of the lead rows they show (`getMemberships`); the background remembers those ids
 * per tab. When memberships change (a refresh chunk, an ingest), the changed ids are collected and,
 * after `delayMs`, only those some open CRM tab shows are looked up and pushed — a 250,000-lead
 * refresh with no CRM tab open reads nothing for badges, and a chunk never waits for them.
 */
export interface BadgePusher {
  /** A tab showed (asked the memberships of) these leads. */
  shown(tabId: number, leadIds: readonly string[]): void;
  /** A tab went away (closed, navigated off the CRM). */
  forgetTab(tabId: number): void;
  /** Memberships of these leads changed; pushed later, coalesced. */
  changed(leadIds: readonly string[]): void;
  /** Pushes what is pending now (tests, shutdown). */
  flush(): Promise<void>;
}

/** Most lead ids remembered per tab (a CRM page shows far fewer; protects against a runaway page). */
export const MAX_SHOWN_PER_TAB = 5000;

/**
 * @param push looks up and sends the memberships of `leadIds` to the CRM tabs
 * @param delayMs how long changes are collected before a push
 * @param onError a failed push (reported, never thrown)
 */
export function createBadgePusher(
  push: (leadIds: string[]) => Promise<void>,
  options: { delayMs?: number; onError?: (error: unknown) => void; setTimer?: typeof setTimeout } = {},
): BadgePusher {
  const delayMs = options.delayMs ?? 150;
  const setTimer = options.setTimer ?? setTimeout;
  const shownByTab = new Map<number, Set<string>>();
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const isShown = (leadId: string) => {
    for (const ids of shownByTab.values()) if (ids.has(leadId)) return true;
    return false;
  };

  const flush = async () => {
    timer = undefined;
    const due = [...pending].filter(isShown);
    pending = new Set();
    if (due.length === 0) return;
    try {
      await push(due);
    } catch (error) {
      options.onError?.(error);
    }
  };

  return {
    shown(tabId, leadIds) {
      let ids = shownByTab.get(tabId);
      if (!ids || ids.size + leadIds.length > MAX_SHOWN_PER_TAB) shownByTab.set(tabId, (ids = new Set()));
      for (const id of leadIds) ids.add(id);
    },
    forgetTab(tabId) {
      shownByTab.delete(tabId);
    },
    changed(leadIds) {
      if (shownByTab.size === 0) return;
      for (const id of leadIds) if (isShown(id)) pending.add(id);
      if (pending.size > 0 && timer === undefined) timer = setTimer(() => void flush(), delayMs);
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      return flush();
    },
  };
}
