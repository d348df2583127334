import type { CrmPageAdapter, LeadAnchor } from '../adapters/types';
import type { BadgeSegment } from '../messaging/protocol';
import { BADGE_TAG, createBadgeHost, renderBadgeChips } from './render';
import { chunksOf, rowSignature, sameChips } from './rows';

/** What the badge controller needs from the extension (the content script passes the real ones). */
export interface BadgePorts {
  /**
   * Asks the background to (re-)fetch these CRM records through the CRM API and store them. The
   * memberships that change are pushed back (`applyMemberships`), never pulled again.
   */
  syncVisible(crmIds: string[]): Promise<void>;
  /** Current memberships for lead ids: lead id → segments (rows the page shows for the first time). */
  getMemberships(leadIds: string[]): Promise<Record<string, BadgeSegment[]>>;
  /** A chip was clicked: open the side panel on that lead (and segment). */
  openDetails(leadId: string, segmentId?: string): void;
  /** Whether a chip click came from the user (default `event.isTrusted`; DOM tests replace it). */
  isTrustedClick?(event: Event): boolean;
}

/** A running badge controller. */
export interface BadgeController {
  /** Applies memberships pushed by the background (live updates); a lead whose chips did not change is not re-rendered. */
  applyMemberships(memberships: Record<string, BadgeSegment[]>): void;
  /** Re-requests memberships of every lead on the page (segments renamed, recoloured, deleted). */
  refreshAll(): Promise<void>;
  /** Scans the page now (normally driven by DOM mutations in the lead list container). */
  scan(): void;
  /** Disconnects observers and removes every badge host. */
  stop(): void;
}

interface Placed {
  leadId: string;
  crmId: string;
  row: Element;
}

/** Most CRM ids per syncVisible message (its schema's limit): a longer page is synced in chunks. */
export const SYNC_CHUNK_SIZE = 500;
/** Most lead ids per getMemberships message (its schema's limit). */
export const MEMBERSHIP_CHUNK_SIZE = 1000;
/** How long after the last change of an edited row the lead is re-fetched (lets the CRM's own save land first). */
export const EDIT_RESYNC_DELAY_MS = 300;

/**
 * Keeps exactly one badge host per lead row / detail header that `adapter` finds in `doc`
 * (docs/semantics.md §1, issue #3): mounts hosts as rows appear (pagination, sorting, search,
 * client-side navigation), moves a lead's host into its re-rendered row, removes hosts whose row
 * is gone, and shows rows seen for the first time from the store, then syncs them (batched).
 *
 * One path from a lead edit to a badge (issue 12 item 3): only a scan triggers a re-sync — when a
 * row's signature changed, the lead is re-fetched once, EDIT_RESYNC_DELAY_MS after the row last
 * changed; a `change` event inside a row (a <select> edit mutates no DOM) only asks for a scan.
 * The background pushes the membership difference its ingest computed; the badge is rendered once
 * for it (`data-renders` on the host counts renders of that lead). The MutationObserver watches
 * the adapter's lead list container, not the whole document. Scans coalesce to one per frame.
 */
export function startBadgeController(adapter: CrmPageAdapter, doc: Document, crmKey: string, ports: BadgePorts): BadgeController {
  const placed = new Map<HTMLElement, Placed>();
  const known = new Map<string, BadgeSegment[]>();
  /** Last seen row signature per lead: rows are often re-rendered as new elements after an edit. */
  const signatures = new Map<string, string>();
  const renders = new Map<string, number>();
  const resyncDue = new Set<string>();
  let resyncTimer: number | undefined;
  let scheduled = false;
  let stopped = false;
  const view = doc.defaultView;

  const leadIdOf = (crmId: string) => `${crmKey}/${crmId}`;
  /** Each lead's hosts (a host belongs to one lead for its whole life). */
  const hostsByLead = new Map<string, Set<HTMLElement>>();
  const hostsFor = (leadId: string): HTMLElement[] => [...(hostsByLead.get(leadId) ?? [])];
  const place = (host: HTMLElement, entry: Placed) => {
    placed.set(host, entry);
    let hosts = hostsByLead.get(entry.leadId);
    if (!hosts) hostsByLead.set(entry.leadId, (hosts = new Set()));
    hosts.add(host);
  };
  const unplace = (host: HTMLElement) => {
    host.remove();
    const entry = placed.get(host);
    if (!entry) return;
    placed.delete(host);
    const hosts = hostsByLead.get(entry.leadId);
    hosts?.delete(host);
    if (hosts?.size === 0) hostsByLead.delete(entry.leadId);
  };

  const paint = (host: HTMLElement, leadId: string, segments: readonly BadgeSegment[]) => {
    renderBadgeChips(host, segments);
    const count = (renders.get(leadId) ?? 0) + 1;
    renders.set(leadId, count);
    host.dataset.renders = String(count);
  };

  const apply = (leadId: string, segments: BadgeSegment[]) => {
    if (sameChips(known.get(leadId), segments)) return;
    known.set(leadId, segments);
    for (const host of hostsFor(leadId)) paint(host, leadId, segments);
  };

  const requestMemberships = async (leadIds: string[]) => {
    for (const chunk of chunksOf(leadIds, MEMBERSHIP_CHUNK_SIZE)) {
      const memberships = await ports.getMemberships(chunk);
      for (const leadId of chunk) apply(leadId, memberships[leadId] ?? []);
    }
  };

  // Rows seen for the first time: badges from the store at once, then the CRM's current record
  // (a page with more rows than one message may carry is synced chunk by chunk, issue 9 item 7).
  const showAndSync = async (crmIds: string[]) => {
    for (const chunk of chunksOf(crmIds, SYNC_CHUNK_SIZE)) {
      await requestMemberships(chunk.map(leadIdOf));
      await ports.syncVisible(chunk);
    }
  };

  const resyncLater = () => {
    if (resyncTimer !== undefined) view?.clearTimeout(resyncTimer);
    resyncTimer = view?.setTimeout(() => {
      resyncTimer = undefined;
      const due = [...resyncDue];
      resyncDue.clear();
      for (const chunk of chunksOf(due, SYNC_CHUNK_SIZE)) void ports.syncVisible(chunk).catch(() => undefined);
    }, EDIT_RESYNC_DELAY_MS);
  };

  const anchorsOnPage = (): LeadAnchor[] => {
    const anchors = adapter.findLeadRows(doc);
    const header = adapter.findDetailHeader(doc);
    return header ? [...anchors, header] : anchors;
  };

  /** The host already in `found`'s anchor, or the lead's host left in a row the page replaced, or a new one. */
  const hostFor = (found: LeadAnchor, leadId: string): HTMLElement => {
    let host = [...found.anchor.children].find((c): c is HTMLElement => c.localName === BADGE_TAG) ?? null;
    // A host for another lead (row reused) or without its shadow root (row cloned) is stale.
    if (host && (host.dataset.leadId !== leadId || !host.shadowRoot || !placed.has(host))) {
      unplace(host);
      host = null;
    }
    if (host) return host;
    const orphan = hostsFor(leadId).find((h) => !h.isConnected);
    if (orphan) {
      found.anchor.append(orphan);
      return orphan;
    }
    const created = createBadgeHost(doc, leadId, ports.openDetails, ports.isTrustedClick?.bind(ports));
    found.anchor.append(created);
    const segments = known.get(leadId);
    if (segments) paint(created, leadId, segments);
    else created.hidden = true;
    return created;
  };

  const scan = () => {
    scheduled = false;
    if (stopped) return;
    watchContainer();
    const claimed = new Set<HTMLElement>();
    const fresh: string[] = [];
    let edited = false;
    for (const found of anchorsOnPage()) {
      const leadId = leadIdOf(found.crmId);
      const host = hostFor(found, leadId);
      claimed.add(host);
      const rowReplaced = placed.get(host)?.row !== undefined && placed.get(host)?.row !== found.row;
      place(host, { leadId, crmId: found.crmId, row: found.row });
      const signature = rowSignature(found.row);
      const previous = signatures.get(leadId);
      signatures.set(leadId, signature);
      if (previous === undefined) fresh.push(found.crmId);
      else if (previous !== signature || (rowReplaced && resyncDue.has(found.crmId))) {
        resyncDue.add(found.crmId);
        edited = true;
      }
    }
    // Hosts whose row left the page (or was re-rendered without us) are dropped: no leaks.
    for (const host of [...placed.keys()]) if (!claimed.has(host)) unplace(host);
    for (const stray of doc.querySelectorAll(BADGE_TAG)) {
      if (!claimed.has(stray as HTMLElement)) stray.remove();
    }
    if (fresh.length > 0) void showAndSync(fresh).catch(() => undefined);
    if (edited) resyncLater();
  };

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    if (view?.requestAnimationFrame) view.requestAnimationFrame(scan);
    else queueMicrotask(scan);
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    // Our own shadow-root updates are invisible here; ignore mutations that only add/remove our hosts.
    const relevant = records.some(
      (r) => r.type !== 'childList' || [...r.addedNodes, ...r.removedNodes].some((n) => (n as Element).localName !== BADGE_TAG),
    );
    if (relevant) schedule();
  });
  let watched: Element | null = null;
  /** Observes the lead list container (the document only while the page has none yet). */
  function watchContainer() {
    const target = adapter.leadListContainer(doc) ?? doc.documentElement;
    if (target === watched) return;
    observer.disconnect();
    observer.observe(target, { subtree: true, childList: true, characterData: true });
    watched = target;
  }
  watchContainer();

  // An edit inside a row (e.g. an inline status <select>) changes no DOM: scan, and let the scan decide.
  const onEdit = (event: Event) => {
    const target = event.target as Element | null;
    if (target && [...placed.values()].some((p) => p.row.contains(target))) schedule();
  };
  doc.addEventListener('change', onEdit, true);

  schedule();

  return {
    applyMemberships(memberships) {
      for (const [leadId, segments] of Object.entries(memberships)) apply(leadId, segments);
    },
    async refreshAll() {
      await requestMemberships([...new Set([...placed.values()].map((p) => p.leadId))]);
    },
    scan,
    stop() {
      stopped = true;
      observer.disconnect();
      if (resyncTimer !== undefined) view?.clearTimeout(resyncTimer);
      doc.removeEventListener('change', onEdit, true);
      for (const host of [...placed.keys()]) unplace(host);
    },
  };
}
