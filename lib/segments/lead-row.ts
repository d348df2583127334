import type { Lead } from '../schema';
import type { LeadColumns } from './lead-columns';
import { TIMES } from './lead-fields';

const time = (value: number | undefined): number | undefined => (value === undefined || Number.isNaN(value) ? undefined : value);

/**
 * One row of {@link LeadColumns} read as a lead (the fields a compiled rule set reads are getters
 * over the columns). Reused while scanning: copy what must outlive the visit (`toLead`).
 */
export class LeadRow {
  row = 0;
  constructor(private readonly c: LeadColumns) {}
  get id(): string {
    return this.c.text('ids', this.row) as string;
  }
  get crmKey(): string {
    return this.c.interned.crmKey[this.row] as string;
  }
  get crmId(): string {
    return this.id.slice(this.crmKey.length + 1);
  }
  get name(): string {
    return this.c.text('name', this.row) as string;
  }
  get email(): string | undefined {
    return this.c.text('email', this.row);
  }
  get company(): string | undefined {
    return this.c.text('company', this.row);
  }
  get phone(): string | undefined {
    return this.c.text('phone', this.row);
  }
  get source(): string | undefined {
    return this.c.interned.source[this.row];
  }
  get groupName(): string | undefined {
    return this.c.interned.groupName[this.row];
  }
  get status(): string | undefined {
    return this.c.interned.status[this.row];
  }
  get priority(): string | undefined {
    return this.c.interned.priority[this.row];
  }
  get country(): string | undefined {
    return this.c.interned.country[this.row];
  }
  get language(): string | undefined {
    return this.c.interned.language[this.row];
  }
  get tags(): string[] {
    return this.c.tags[this.row] as string[];
  }
  get createdAt(): number | undefined {
    return time(this.c.times.createdAt[this.row]);
  }
  get lastContactAt(): number | undefined {
    return time(this.c.times.lastContactAt[this.row]);
  }
  get crmUpdatedAt(): number | undefined {
    return time(this.c.times.crmUpdatedAt[this.row]);
  }
  get campaigns(): Lead['campaigns'] {
    return this.c.campaigns[this.row] as Lead['campaigns'];
  }
  get custom(): Lead['custom'] {
    return this.c.custom[this.row] as Lead['custom'];
  }

  /** This row as the engine reads a lead (the getters above; `syncedAt` is not kept). */
  asLead(): Lead {
    return this as unknown as Lead;
  }

  /** A plain copy of this row (absent fields left out, `syncedAt` 0). */
  toLead(): Lead {
    const lead: Record<string, unknown> = { id: this.id, crmKey: this.crmKey, crmId: this.crmId, name: this.name };
    for (const key of ['email', 'company', 'phone', 'source', 'groupName', 'status', 'priority', 'country', 'language'] as const) {
      const value = this[key];
      if (value !== undefined) lead[key] = value;
    }
    lead.tags = [...this.tags];
    for (const key of TIMES) {
      const value = this[key];
      if (value !== undefined) lead[key] = value;
    }
    lead.campaigns = this.campaigns;
    lead.custom = this.custom;
    lead.syncedAt = 0;
    return lead as Lead;
  }
}
