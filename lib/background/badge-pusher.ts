/**
 * Live badge updates off the critical path (issue 10 item 2, issue 12 item 3). Content scripts
 * ask for the memberships of the lead rows they show (`getMemberships`) and ask to sync them
 * (`syncVisible`); the background remembers those ids per tab. When memberships change, the
 * change is pushed after `delayMs`, coalesced, and only to the tabs that show that lead — the tabs
 * of that CRM with badges, never every tab. A change an ingest computed (`changedTo`: the segments
 * each lead belongs to now) is pushed as it is, never read from the store again; only changes
 * known by lead id alone (`changed`, e.g. a refresh chunk) are looked up. A 250,000-lead refresh
 * with no CRM tab open reads nothing for badges, and a chunk never waits for them.
 */
import type { BadgeSegment } from '../messaging/protocol';

/** Lead id → ids of every segment the lead belongs to now ([] = none, or the lead was deleted). */
export type MembershipChanges = Readonly<Record<string, readonly string[]>>;

/** What the pusher needs from the background (the service passes the real ones). */
export interface BadgePushPorts {
  /** Current chips of leads whose change is known only by id (read from the store). */
  read(leadIds: string[]): Promise<Record<string, BadgeSegment[]>>;
  /** Chips (names, colours, badge order) for memberships an ingest computed. */
  chips(memberships: MembershipChanges): Promise<Record<string, BadgeSegment[]>>;
  /** Sends one tab the chips of the changed leads it shows. */
  send(tabId: number, memberships: Record<string, BadgeSegment[]>): Promise<void>;
}

/** Remembers which tab shows which leads and pushes membership changes to exactly those tabs. */
export interface BadgePusher {
  /** A tab shows (asked the memberships of, or asked to sync) these leads. */
  shown(tabId: number, leadIds: readonly string[]): void;
  /** A tab went away (closed, navigated off the CRM). */
  forgetTab(tabId: number): void;
  /** Memberships of these leads changed (not known how): read and pushed later, coalesced. */
  changed(leadIds: readonly string[]): void;
  /** An ingest's own membership difference: pushed later as it is, coalesced. */
  changedTo(memberships: MembershipChanges): void;
  /** Pushes what is pending now (tests, shutdown). */
  flush(): Promise<void>;
}

/** Most lead ids remembered per tab (a CRM page shows far fewer; protects against a runaway page). */
export const MAX_SHOWN_PER_TAB = 5000;

/**
 * @param ports reads chips and sends them to one tab
 * @param options.delayMs how long changes are collected before a push
 * @param options.onError a failed look-up (reported, never thrown)
 */
export function createBadgePusher(
  ports: BadgePushPorts,
  options: { delayMs?: number; onError?: (error: unknown) => void; setTimer?: typeof setTimeout } = {},
): BadgePusher {
  const delayMs = options.delayMs ?? 150;
  const setTimer = options.setTimer ?? setTimeout;
  const shownByTab = new Map<number, Set<string>>();
  /** Lead id → its segment ids now, or null when they must be read. The later change of a lead wins. */
  let pending = new Map<string, readonly string[] | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const isShown = (leadId: string) => {
    for (const ids of shownByTab.values()) if (ids.has(leadId)) return true;
    return false;
  };

  const note = (leadId: string, segmentIds: readonly string[] | null) => {
    if (!isShown(leadId)) return;
    pending.set(leadId, segmentIds);
    if (timer === undefined) timer = setTimer(() => void flush(), delayMs);
  };

  const flush = async () => {
    timer = undefined;
    const due = [...pending].filter(([leadId]) => isShown(leadId));
    pending = new Map();
    if (due.length === 0) return;
    try {
      const toRead = due.filter(([, ids]) => ids === null).map(([leadId]) => leadId);
      const known = Object.fromEntries(due.filter((entry): entry is [string, readonly string[]] => entry[1] !== null));
      const chips = {
        ...(toRead.length > 0 ? await ports.read(toRead) : {}),
        ...(Object.keys(known).length > 0 ? await ports.chips(known) : {}),
      };
      await Promise.all(
        [...shownByTab].map(async ([tabId, shown]) => {
          const forTab = Object.fromEntries(Object.entries(chips).filter(([leadId]) => shown.has(leadId)));
          if (Object.keys(forTab).length === 0) return;
          // A tab that cannot be reached (closed, navigated off the CRM) is forgotten: its content
          // script registers again when it runs there.
          await ports.send(tabId, forTab).catch(() => shownByTab.delete(tabId));
        }),
      );
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
      for (const id of leadIds) note(id, null);
    },
    changedTo(memberships) {
      for (const [id, segmentIds] of Object.entries(memberships)) note(id, segmentIds);
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      return flush();
    },
  };
}
