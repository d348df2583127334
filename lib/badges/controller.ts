import type { CrmPageAdapter, LeadAnchor } from '../adapters/types';
import type { BadgeSegment } from '../messaging/protocol';
import { BADGE_TAG, createBadgeHost, renderBadgeChips } from './render';

/** What the badge controller needs from the extension (the content script passes the real ones). */
export interface BadgePorts {
  /** Asks the background to (re-)fetch these CRM records through the CRM API and store them. */
  syncVisible(crmIds: string[]): Promise<void>;
  /** Current memberships for lead ids: lead id → segments. */
  getMemberships(leadIds: string[]): Promise<Record<string, BadgeSegment[]>>;
  /** A chip was clicked: open the side panel on that lead (and segment). */
  openDetails(leadId: string, segmentId?: string): void;
  /** Called after every scan of the page (e.g. to notice the signed-in user changing). */
  afterScan?(): void;
  /** Whether a chip click came from the user (default `event.isTrusted`; DOM tests replace it). */
  isTrustedClick?(event: Event): boolean;
}

/** A running badge controller. */
export interface BadgeController {
  /** Applies memberships pushed by the background (live updates). */
  applyMemberships(memberships: Record<string, BadgeSegment[]>): void;
  /** Re-requests memberships of every lead on the page (segments renamed, recoloured, deleted). */
  refreshAll(): Promise<void>;
  /** Scans the page now (normally driven by DOM mutations). */
  scan(): void;
  /** Disconnects observers and removes every badge host. */
  stop(): void;
}

interface Placed {
  leadId: string;
  crmId: string;
  host: HTMLElement;
  row: Element;
}

/** Most CRM ids per syncVisible message (its schema's limit): a longer page is synced in chunks. */
export const SYNC_CHUNK_SIZE = 500;
/** Most lead ids per getMemberships message (its schema's limit). */
export const MEMBERSHIP_CHUNK_SIZE = 1000;

/** `items` in consecutive slices of at most `size`. */
function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** How long after an edit inside a row the lead is re-fetched (lets the CRM's own save land first). */
const EDIT_RESYNC_DELAY_MS = 300;

/** The row's visible state: its text plus its form controls' values (a status <select>). */
function rowSignature(row: Element): string {
  let controls = '';
  for (const control of row.querySelectorAll('select, input, textarea')) {
    controls += `|${(control as HTMLInputElement).value}`;
  }
  return `${row.textContent ?? ''}${controls}`;
}

/**
 * Keeps exactly one badge host per lead row / detail header that `adapter` finds in `doc`
 * (docs/semantics.md §1, issue #3): mounts hosts as rows appear (pagination, sorting, search, client-side
 * navigation), removes hosts whose row is gone or shows another lead, syncs newly seen leads
 * (batched), and re-syncs a lead whose row changed (live edits). Scans are coalesced to one per
 * animation frame.
 */
export function startBadgeController(adapter: CrmPageAdapter, doc: Document, crmKey: string, ports: BadgePorts): BadgeController {
  const placed = new Map<HTMLElement, Placed>();
  const known = new Map<string, BadgeSegment[]>();
  /** Last seen row signature per lead: rows are often re-rendered as new elements after an edit. */
  const signatures = new Map<string, string>();
  let scheduled = false;
  let stopped = false;

  const leadIdOf = (crmId: string) => `${crmKey}/${crmId}`;

  const hostsFor = (leadId: string) => [...placed.values()].filter((p) => p.leadId === leadId);

  const render = (leadId: string) => {
    const segments = known.get(leadId);
    if (!segments) return;
    for (const p of hostsFor(leadId)) renderBadgeChips(p.host, segments);
  };

  const requestMemberships = async (leadIds: string[]) => {
    for (const chunk of chunksOf(leadIds, MEMBERSHIP_CHUNK_SIZE)) {
      const memberships = await ports.getMemberships(chunk);
      for (const leadId of chunk) known.set(leadId, memberships[leadId] ?? []);
      for (const leadId of chunk) render(leadId);
    }
  };

  // A page with more rows than one message may carry is synced chunk by chunk (issue 9 item 7).
  const sync = async (crmIds: string[]) => {
    for (const chunk of chunksOf(crmIds, SYNC_CHUNK_SIZE)) {
      await ports.syncVisible(chunk);
      await requestMemberships(chunk.map(leadIdOf));
    }
  };

  const anchorsOnPage = (): LeadAnchor[] => {
    const anchors = adapter.findLeadRows(doc);
    const header = adapter.findDetailHeader(doc);
    return header ? [...anchors, header] : anchors;
  };

  const scan = () => {
    scheduled = false;
    if (stopped) return;
    const claimed = new Set<HTMLElement>();
    const fresh: string[] = [];
    const changed: string[] = [];
    for (const found of anchorsOnPage()) {
      const leadId = leadIdOf(found.crmId);
      let host = [...found.anchor.children].find((c): c is HTMLElement => c.localName === BADGE_TAG) ?? null;
      // A host for another lead (row reused) or without its shadow root (row cloned) is stale.
      if (host && (host.dataset.leadId !== leadId || !host.shadowRoot)) {
        host.remove();
        placed.delete(host);
        host = null;
      }
      if (!host) {
        host = createBadgeHost(doc, leadId, ports.openDetails, ports.isTrustedClick?.bind(ports));
        found.anchor.append(host);
      }
      claimed.add(host);
      const signature = rowSignature(found.row);
      const previous = signatures.get(leadId);
      signatures.set(leadId, signature);
      placed.set(host, { leadId, crmId: found.crmId, host, row: found.row });
      const segments = known.get(leadId);
      if (segments) renderBadgeChips(host, segments);
      else host.hidden = true;
      if (previous === undefined) fresh.push(found.crmId);
      else if (previous !== signature) changed.push(found.crmId);
    }
    // Hosts whose row left the page (or was re-rendered without us) are dropped: no leaks.
    for (const host of [...placed.keys()]) {
      if (!claimed.has(host)) {
        host.remove();
        placed.delete(host);
      }
    }
    for (const stray of doc.querySelectorAll(BADGE_TAG)) {
      if (!claimed.has(stray as HTMLElement)) stray.remove();
    }
    void sync(fresh).catch(() => undefined);
    void sync(changed).catch(() => undefined);
    ports.afterScan?.();
  };

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    const view = doc.defaultView;
    if (view?.requestAnimationFrame) view.requestAnimationFrame(scan);
    else queueMicrotask(scan);
  };

  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)((records) => {
    // Our own shadow-root updates are invisible here; ignore mutations that only add/remove our hosts.
    const relevant = records.some(
      (r) =>
        r.type !== 'childList' ||
        [...r.addedNodes, ...r.removedNodes].some((n) => (n as Element).localName !== BADGE_TAG),
    );
    if (relevant) schedule();
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });

  // An edit inside a row (e.g. an inline status <select>) does not change the DOM text: re-fetch
  // that lead once the CRM has had a moment to save it.
  const onEdit = (event: Event) => {
    const target = event.target as Element | null;
    const entry = [...placed.values()].find((p) => target && p.row.contains(target));
    if (!entry) return;
    const crmId = entry.crmId;
    doc.defaultView?.setTimeout(() => void sync([crmId]).catch(() => undefined), EDIT_RESYNC_DELAY_MS);
  };
  doc.addEventListener('change', onEdit, true);

  schedule();

  return {
    applyMemberships(memberships) {
      for (const [leadId, segments] of Object.entries(memberships)) {
        known.set(leadId, segments);
        render(leadId);
      }
    },
    async refreshAll() {
      const leadIds = [...new Set([...placed.values()].map((p) => p.leadId))];
      await requestMemberships(leadIds);
    },
    scan,
    stop() {
      stopped = true;
      observer.disconnect();
      doc.removeEventListener('change', onEdit, true);
      for (const host of placed.keys()) host.remove();
      placed.clear();
    },
  };
}
