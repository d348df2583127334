import type { Lead, Membership } from '../../lib/schema';
import type { MemberRow } from '../../lib/format/member-columns';
import { lowerBound, markIdOrdered } from './member-rows';

/** Above this many changed members since the last rows array, the next one is built whole (cheaper than placing each). */
const PATCH_LIMIT = 2000;

/**
 * The side panel's copy of one segment's members (issue 10 item 3): the membership blocks as
 * read (each block a sorted run of lead ids), rows by lead id, and which members still need their
 * lead read. A block that changed is compared with its previous copy, and the next rows array is
 * the previous one with only the rows that changed replaced, so a member joining, leaving or being
 * edited costs its difference, not a pass over 250,000 members.
 */
export class MemberStore {
  /** @param segmentId the segment whose members this holds (one store per segment). */
  constructor(readonly segmentId: string) {}

  private readonly byId = new Map<string, MemberRow>();
  /** Block starts in lead-id order, once known, and each block's memberships once read. */
  private starts: string[] | undefined;
  private readonly blocks = new Map<string, readonly Membership[]>();
  /** Members whose lead is not read yet. */
  private readonly unread = new Map<string, Membership>();
  /** The last rows array, and lead ids whose row changed since (added, removed or replaced). */
  private current: MemberRow[] | undefined;
  private touched = new Set<string>();

  /** Adds (or replaces) rows read from the database; rows of leads no longer members are ignored once the list is known. */
  put(rows: readonly MemberRow[]): void {
    for (const row of rows) {
      const id = row.lead.id;
      if (this.listed && !this.isMember(id)) continue;
      this.byId.set(id, row);
      this.unread.delete(id);
      this.touched.add(id);
    }
  }

  /** Takes the segment's block starts (lead-id order): blocks no longer there lose their members. */
  setStarts(starts: readonly string[]): void {
    const kept = new Set(starts);
    for (const start of [...this.blocks.keys()]) if (!kept.has(start)) this.setBlock(start, []);
    for (const start of [...this.blocks.keys()]) if (!kept.has(start)) this.blocks.delete(start);
    this.starts = [...starts];
  }

  /**
   * Takes one block's memberships as read (lead-id order): compared with its previous copy,
   * rows of leads that left are dropped, `addedAt` updated, and joined members wait to be read.
   */
  setBlock(start: string, memberships: readonly Membership[]): void {
    const before = this.blocks.get(start) ?? [];
    this.blocks.set(start, memberships);
    let i = 0;
    for (const m of memberships) {
      while (i < before.length && before[i]!.leadId < m.leadId) this.leave(before[i++]!.leadId);
      const same = before[i]?.leadId === m.leadId ? before[i++] : undefined;
      if (same?.addedAt === m.addedAt) continue;
      const row = this.byId.get(m.leadId);
      if (row) {
        if (row.addedAt !== m.addedAt) this.byId.set(m.leadId, { lead: row.lead, addedAt: m.addedAt });
        this.touched.add(m.leadId);
      } else {
        this.unread.set(m.leadId, m);
      }
    }
    while (i < before.length) this.leave(before[i++]!.leadId);
  }

  private leave(id: string): void {
    // Moved to another block already read (a block split): still a member, its row stays.
    if (this.isMember(id)) return;
    this.unread.delete(id);
    if (this.byId.delete(id)) this.touched.add(id);
  }

  /** True when lead `id` is in a block read (two binary searches). */
  private isMember(id: string): boolean {
    const starts = this.starts ?? [];
    const b = lowerBound(starts.length, id, (k) => starts[k]!);
    const start = starts[b] === id ? id : starts[b - 1];
    const block = start === undefined ? undefined : this.blocks.get(start);
    if (!block) return false;
    return block[lowerBound(block.length, id, (k) => block[k]!.leadId)]?.leadId === id;
  }

  /** Memberships whose lead is still to read, in lead-id order. */
  missing(): Membership[] {
    if (this.unread.size < PATCH_LIMIT) return [...this.unread.values()].sort((a, b) => (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
    const out: Membership[] = [];
    for (const start of this.starts ?? []) for (const m of this.blocks.get(start) ?? []) if (this.unread.has(m.leadId)) out.push(m);
    return out;
  }

  /**
   * Takes freshly read leads of listed members: replaces the rows whose lead changed. Returns
   * true when one did (leads that are not members, or not stored, are ignored).
   */
  refreshLeads(leads: ReadonlyArray<Lead | undefined>): boolean {
    let changed = false;
    for (const lead of leads) {
      const row = lead && this.byId.get(lead.id);
      if (!row || JSON.stringify(row.lead) === JSON.stringify(lead)) continue;
      this.byId.set(lead.id, { lead, addedAt: row.addedAt });
      this.touched.add(lead.id);
      changed = true;
    }
    return changed;
  }

  /** True once the block starts and every block are read (the total is known). */
  get listed(): boolean {
    return this.starts !== undefined && this.starts.every((start) => this.blocks.has(start));
  }

  /** Members whose rows are read. */
  get loaded(): number {
    return this.byId.size;
  }

  /**
   * Members of the segment, or undefined before every block is read. Each block counts only the
   * ids in its own range (from its start to the next block's start): during a block split the
   * new block can be read before the old one's shrunk copy, and a member is counted once.
   */
  get total(): number | undefined {
    if (!this.listed) return undefined;
    let total = 0;
    for (let b = 0; b < (this.starts ?? []).length; b++) {
      const [from, to] = this.ownRange(b);
      total += to - from;
    }
    return total;
  }

  /** Indexes [from, to) of block `b`'s memberships that fall in its own id range (see `total`). */
  private ownRange(b: number): [number, number] {
    const starts = this.starts ?? [];
    const block = this.blocks.get(starts[b]!) ?? [];
    const next = starts[b + 1];
    const from = lowerBound(block.length, starts[b]!, (k) => block[k]!.leadId);
    const to = next === undefined ? block.length : lowerBound(block.length, next, (k) => block[k]!.leadId);
    return [from, Math.max(from, to)];
  }

  /**
   * The rows read so far, in lead-id order: the previous array when nothing changed, else a new
   * one — the previous with the changed rows replaced in place when few changed, else built whole.
   */
  rows(): MemberRow[] {
    if (!this.listed) return [...this.byId.values()];
    const previous = this.current;
    if (previous && this.touched.size === 0) return previous;
    const next = previous && this.touched.size <= PATCH_LIMIT ? this.patched(previous) : this.whole();
    this.touched.clear();
    this.current = next;
    markIdOrdered(next);
    return next;
  }

  private whole(): MemberRow[] {
    const out: MemberRow[] = [];
    const starts = this.starts ?? [];
    for (let b = 0; b < starts.length; b++) {
      const block = this.blocks.get(starts[b]!) ?? [];
      const [from, to] = this.ownRange(b);
      for (let k = from; k < to; k++) {
        const row = this.byId.get(block[k]!.leadId);
        if (row) out.push(row);
      }
    }
    return out;
  }

  private patched(previous: readonly MemberRow[]): MemberRow[] {
    const out: MemberRow[] = [];
    let k = 0;
    for (const id of [...this.touched].sort()) {
      const at = lowerBound(previous.length, id, (i) => previous[i]!.lead.id);
      for (; k < at; k++) out.push(previous[k]!);
      if (previous[k]?.lead.id === id) k++;
      const row = this.byId.get(id);
      if (row) out.push(row);
    }
    for (; k < previous.length; k++) out.push(previous[k]!);
    return out;
  }
}
