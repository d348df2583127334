import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../../bench/prng';
import { memberColumns, type MemberRow } from '../../lib/format/member-columns';
import { MemberQueryEngine } from '../../lib/format/member-query-engine';
import type { FromMemberWorker, ToMemberWorker } from '../../lib/format/member-query-protocol';
import { filterMembers, MemberIndex, sortMembers, type MemberSort } from '../../lib/format/member-query';
import { testLead } from '../../lib/format/test-leads';
import { createFormatter } from '../../lib/format/value';
import { rowsChange } from './member-delta';
import { MemberQueryClient, type MemberQueryInput, type MemberWorkerPort } from './member-query-client';

const columns = memberColumns([
  { key: 'score', label: 'Score', type: 'number' },
  { key: 'city', label: 'City', type: 'text' },
]);
const formatter = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
const NAMES = ['Ann', 'ann', 'Ánn', 'Bob', 'bob 2', 'bob 10', 'Émile', ' Zoë', '', 'ann carter', '山田'];

function lead(prng: Prng, id: number): MemberRow {
  const custom: Record<string, string | number> = {};
  if (prng.chance(0.7)) custom.score = prng.int(6) - 2;
  if (prng.chance(0.6)) custom.city = prng.pick(['Pune', 'pune', 'Mumbai', 'Zürich', ' ']);
  const fields = { name: prng.pick(NAMES), company: prng.chance(0.7) ? prng.pick(['Acme', 'ACME Corp', 'Globex']) : undefined, country: prng.pick(['India', 'Canada']), custom };
  return { lead: testLead(String(id).padStart(6, '0'), fields), addedAt: Date.UTC(2025, 0, 1) + prng.int(4) * 86_400_000 };
}

/** Members in lead-id order (as the member store lists them): every other id, so joins fit between. */
function members(prng: Prng, n: number): MemberRow[] {
  return Array.from({ length: n }, (_, i) => lead(prng, i * 2));
}

type Change = 'join' | 'leave' | 'edit';

/** `rows` after `count` members joined, left or had their lead edited (a new row object, same id); lead-id order kept. */
function changed(prng: Prng, rows: readonly MemberRow[], kind: Change, count: number): MemberRow[] {
  const next = [...rows];
  for (let k = 0; k < count; k++) {
    const at = prng.int(next.length);
    if (kind === 'leave') next.splice(at, 1);
    else if (kind === 'join') next.splice(at, 0, lead(prng, Number(next[at]!.lead.crmId) - 1));
    else next[at] = { lead: { ...lead(prng, 0).lead, id: next[at]!.lead.id, crmId: next[at]!.lead.crmId }, addedAt: next[at]!.addedAt };
  }
  return next;
}

/** A worker port running the engine in this thread, answering at once, and recording what it was sent. */
function recordingPort() {
  const sent: ToMemberWorker[] = [];
  const engine = new MemberQueryEngine();
  let hear: (answer: FromMemberWorker) => void = () => undefined;
  const port: MemberWorkerPort = {
    post: (message) => {
      sent.push(message);
      if (message.type === 'query') queueMicrotask(() => hear(engine.query(message)));
      else engine.apply(message);
    },
    listen: (onAnswer) => (hear = onAnswer),
  };
  return { port, sent };
}

const ids = (rows: readonly MemberRow[]) => rows.map((r) => r.lead.id);

describe('member list changes sent as a difference', () => {
  const sorts: MemberSort[] = ['name', 'custom.score', 'custom.city', 'company'].flatMap((columnId) => [
    { columnId, direction: 'asc' as const },
    { columnId, direction: 'desc' as const },
  ]);
  const narrowings: Array<{ search: string; filters: Record<string, string> }> = [
    { search: '', filters: {} },
    { search: 'ann', filters: {} },
    { search: 'bob', filters: { country: 'india' } },
  ];

  it.each<Change>(['join', 'leave', 'edit'])('orders the rows after a %s as a full sort of them would, with search on and off', async (kind) => {
    const prng = createPrng(kind.length * 7919);
    for (const sort of sorts) {
      for (const narrowing of narrowings) {
        const { port, sent } = recordingPort();
        const client = new MemberQueryClient(port);
        const input = (rows: readonly MemberRow[]): MemberQueryInput => ({ rows, columns, sort, ...narrowing, locale: 'en-US', timeZone: 'UTC' });
        let rows = members(prng, 300);
        await client.query(input(rows));
        // Several changes in a row, each derived from the set before it.
        for (let step = 0; step < 3; step++) {
          rows = changed(prng, rows, kind, 1 + prng.int(5));
          const answer = (await client.query(input(rows)))!;
          expect(sent.at(-2)?.type, 'sent as a difference').toBe('delta');
          const expected = sortMembers(rows, columns, sort, 'en-US');
          const label = `${sort.columnId} ${sort.direction} "${narrowing.search}" step ${step}`;
          expect(ids(Array.from(answer.order, (i) => rows[i]!)), label).toEqual(ids(expected));
          const shown = filterMembers(new MemberIndex(expected, formatter), columns, narrowing);
          if (narrowing.search === '') expect(answer.shown, label).toBeNull();
          else expect(ids(Array.from(answer.shown!, (i) => rows[i]!)), label).toEqual(ids(shown));
        }
      }
    }
  });

  it('orders a set derived from another by a new sort as a full sort would (keys and texts carried over)', async () => {
    const prng = createPrng(11);
    const { port } = recordingPort();
    const client = new MemberQueryClient(port);
    const input = (rows: readonly MemberRow[], sort: MemberSort, filters: Record<string, string> = {}): MemberQueryInput => ({ rows, columns, sort, search: 'a', filters, locale: 'en-US', timeZone: 'UTC' });
    const before = members(prng, 200);
    await client.query(input(before, { columnId: 'custom.city', direction: 'asc' }, { 'custom.city': 'pu' }));
    const after = changed(prng, changed(prng, before, 'edit', 3), 'join', 2);
    const sort: MemberSort = { columnId: 'custom.score', direction: 'desc' };
    const answer = (await client.query(input(after, sort, { 'custom.city': 'pu' })))!;
    const expected = sortMembers(after, columns, sort, 'en-US');
    expect(ids(Array.from(answer.order, (i) => after[i]!))).toEqual(ids(expected));
    const shown = filterMembers(new MemberIndex(expected, formatter), columns, { search: 'a', filters: { 'custom.city': 'pu' } });
    expect(ids(Array.from(answer.shown!, (i) => after[i]!))).toEqual(ids(shown));
    expect(shown.length).toBeGreaterThan(0);
  });
});

describe('rowsChange', () => {
  const prng = createPrng(5);
  const rows = members(prng, 50);

  it('maps kept rows to where they were and reports joined and edited rows as new', () => {
    const edited = { ...rows[10]!, lead: { ...rows[10]!.lead, name: 'Edited' } };
    const joined = lead(prng, 21); // between ids 20 and 22
    const next = [...rows.slice(0, 3), ...rows.slice(4, 10), edited, joined, ...rows.slice(11)];
    const change = rowsChange(rows, next)!;
    expect(change.fresh).toEqual([9, 10]);
    expect(Array.from(change.from.slice(0, 12))).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, -1, -1, 11]);
    expect(change.from.length).toBe(50);
  });

  it('gives up when more than a tenth of the rows are new (sent whole instead)', () => {
    expect(rowsChange(rows, members(prng, 50))).toBeUndefined();
    expect(rowsChange(rows, changed(prng, rows, 'edit', 5))).toBeDefined();
  });
});
