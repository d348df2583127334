import type { Lead, Membership } from '../../lib/schema';
import type { MemberRow } from '../../lib/format/member-columns';

/**
 * The side panel's copy of one segment's members while they load (issue 10 item 3): rows by lead
 * id, the membership list once known, and which members still need their lead read. Applying a
 * new membership list keeps every row already read, so a change costs only its difference.
 */
export class MemberStore {
  /** @param segmentId the segment whose members this holds (one store per segment). */
  constructor(readonly segmentId: string) {}

  private readonly byId = new Map<string, MemberRow>();
  private memberships: readonly Membership[] | undefined;
  private memberIds = new Set<string>();

  /** Adds (or replaces) rows read from the database; rows of leads no longer members are ignored once the list is known. */
  put(rows: readonly MemberRow[]): void {
    for (const row of rows) {
      if (this.memberships && !this.memberIds.has(row.lead.id)) continue;
      this.byId.set(row.lead.id, row);
    }
  }

  /**
   * Takes the segment's current memberships (lead-id order): drops rows of leads that left,
   * updates `addedAt`, and returns the memberships whose lead is still to read.
   */
  setMemberships(memberships: readonly Membership[]): Membership[] {
    this.memberships = memberships;
    this.memberIds = new Set(memberships.map((m) => m.leadId));
    for (const id of [...this.byId.keys()]) if (!this.memberIds.has(id)) this.byId.delete(id);
    const missing: Membership[] = [];
    for (const m of memberships) {
      const row = this.byId.get(m.leadId);
      if (!row) missing.push(m);
      else if (row.addedAt !== m.addedAt) this.byId.set(m.leadId, { lead: row.lead, addedAt: m.addedAt });
    }
    return missing;
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
      changed = true;
    }
    return changed;
  }

  /** True once a membership list was applied (the total is known). */
  get listed(): boolean {
    return this.memberships !== undefined;
  }

  /** Members whose rows are read. */
  get loaded(): number {
    return this.byId.size;
  }

  /** Members of the segment (the membership list's length), or undefined before it is known. */
  get total(): number | undefined {
    return this.memberships?.length;
  }

  /** The rows read so far, in lead-id order (membership order once known). */
  rows(): MemberRow[] {
    if (!this.memberships) return [...this.byId.values()];
    const out: MemberRow[] = [];
    for (const m of this.memberships) {
      const row = this.byId.get(m.leadId);
      if (row) out.push(row);
    }
    return out;
  }
}
