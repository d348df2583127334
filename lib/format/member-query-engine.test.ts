import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../../bench/prng';
import type { CustomFieldDef } from '../schema';
import { memberColumns, type MemberRow } from './member-columns';
import { filterMembers, MemberIndex, sortMembers } from './member-query';
import { MemberQueryEngine, MemberWorkerLoop } from './member-query-engine';
import { packTexts, unpackTexts, type FromMemberWorker, type QueryMessage } from './member-query-protocol';
import { testLead } from './test-leads';
import { createFormatter } from './value';

const customFields: CustomFieldDef[] = [
  { key: 'score', label: 'Score', type: 'number' },
  { key: 'vip', label: 'VIP', type: 'boolean' },
  { key: 'city', label: 'City', type: 'text' },
];
const columns = memberColumns(customFields);
const formatter = createFormatter({ locale: 'en-US', timeZone: 'Asia/Kolkata' });
const NAMES = ['Ann', 'ann', 'Ánn', 'Bob', 'bob 2', 'bob 10', 'Émile', ' Zoë', '', 'Øyvind', '山田', 'ann carter'];
const CITIES = ['Pune', 'pune', 'Mumbai', '  ', 'Delhi', 'delhi 9', 'Zürich'];

function randomRows(prng: Prng, n: number): MemberRow[] {
  const maybe = <T>(value: T, p = 0.7) => (prng.chance(p) ? value : undefined);
  const rows = Array.from({ length: n }, (_, i): MemberRow => {
    const custom: Record<string, string | number | boolean> = {};
    if (prng.chance(0.6)) custom.score = prng.int(5) - 2 + (prng.chance(0.2) ? 0.5 : 0);
    if (prng.chance(0.5)) custom.vip = prng.chance(0.5);
    if (prng.chance(0.5)) custom.city = prng.pick(CITIES);
    const lead = testLead(String(prng.int(1_000_000)).padStart(7, '0') + `-${i}`, {
      name: `${prng.pick(NAMES)}${prng.chance(0.3) ? ` ${prng.pick(NAMES)}` : ''}`,
      email: maybe(`${prng.pick(['a', 'b', 'zz'])}${i}@Example.com`),
      company: maybe(prng.pick(['Acme', 'ACME Corp', 'Globex', 'Initech'])),
      country: maybe(prng.pick(['India', 'india', 'Canada', ''])),
      tags: prng.chance(0.5) ? [prng.pick(['hot', 'cold', 'Warm'])] : [],
      lastContactAt: maybe(Date.UTC(2024, prng.int(12), 1 + prng.int(28), prng.int(24))),
      custom,
    });
    return { lead, addedAt: maybe(Date.UTC(2025, 0, 1) + prng.int(5) * 86_400_000) };
  });
  return rows;
}

/** The engine loaded with `rows` and every column, as the page's client sends them. */
function engineFor(rows: readonly MemberRow[]): MemberQueryEngine {
  const engine = new MemberQueryEngine();
  const pack = (get: (row: MemberRow) => string | undefined) => packTexts(rows.map(get));
  engine.apply({ type: 'members', setId: 1, ids: pack((r) => r.lead.id), names: pack((r) => r.lead.name), emails: pack((r) => r.lead.email), companies: pack((r) => r.lead.company) });
  for (const column of columns) if (column.id !== 'name') engine.apply({ type: 'column', setId: 1, columnId: column.id, kind: column.kind, values: rows.map((r) => column.get(r)) });
  return engine;
}

const query = (fields: Partial<QueryMessage>): QueryMessage => ({
  type: 'query',
  id: 1,
  setId: 1,
  sort: { columnId: 'name', direction: 'asc' },
  search: '',
  filters: {},
  locale: 'en-US',
  timeZone: 'Asia/Kolkata',
  ...fields,
});

const ids = (rows: readonly MemberRow[]) => rows.map((r) => r.lead.id);

describe('packTexts', () => {
  it('round-trips any strings, missing ones as ""', () => {
    const values = ['a', undefined, '', 'Zoë 山田 \u0000 x', '\uffff'];
    const packed = packTexts(values);
    expect(Array.from(packed.ends)).toEqual([1, 1, 1, 11, 12]);
    expect(unpackTexts(packed)).toEqual(['a', '', '', 'Zoë 山田 \u0000 x', '\uffff']);
  });
});

describe('MemberQueryEngine', () => {
  const prng = createPrng(20261201);
  const rows = randomRows(prng, 400);
  const engine = engineFor(rows);
  const answer = (q: Partial<QueryMessage>) => {
    const a = engine.query(query(q));
    if (a.type !== 'result') throw new Error(`no result: ${JSON.stringify(a)}`);
    return { sorted: Array.from(a.order, (i) => rows[i]!), shown: a.shown && Array.from(a.shown, (i) => rows[i]!) };
  };

  it('orders random members exactly as sortMembers, for every column and direction', () => {
    for (const column of columns) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = sortMembers(rows, columns, { columnId: column.id, direction }, 'en-US');
        const got = answer({ sort: { columnId: column.id, direction } });
        expect(ids(got.sorted), `${column.id} ${direction}`).toEqual(ids(expected));
        expect(got.shown).toBeNull();
      }
    }
  });

  it('searches and filters exactly as filterMembers, in table order', () => {
    const sort = { columnId: 'custom.score', direction: 'desc' } as const;
    const sorted = sortMembers(rows, columns, sort, 'en-US');
    const index = new MemberIndex(sorted, formatter);
    const cases: Array<{ search: string; filters: Record<string, string> }> = [
      { search: 'ann', filters: {} },
      { search: ' ACME  b ', filters: {} },
      { search: 'zz1', filters: { country: 'INDIA' } },
      { search: '', filters: { 'custom.city': 'pune', tags: 'o' } },
      { search: '', filters: { lastContactAt: '2024', 'custom.vip': 'yes' } },
      { search: 'nobody-has-this', filters: {} },
    ];
    for (const c of cases) {
      const expected = filterMembers(index, columns, c);
      expect(expected.length, JSON.stringify(c)).toBeLessThan(rows.length);
      expect(ids(answer({ sort, ...c }).shown ?? []), JSON.stringify(c)).toEqual(ids(expected));
    }
  });

  it('answers an error for a set it does not hold, and forgets sets', () => {
    expect(engine.query(query({ id: 7, setId: 2 }))).toEqual({ type: 'error', id: 7, message: 'member set 2 is not loaded' });
    const other = engineFor(rows.slice(0, 3));
    other.apply({ type: 'forget', setId: 1 });
    expect(other.setIds()).toEqual([]);
  });
});

describe('MemberWorkerLoop', () => {
  const rows = randomRows(createPrng(7), 30);

  it('answers each query with its request id, and only the newest of those waiting', () => {
    const turns: Array<() => void> = [];
    const answers: FromMemberWorker[] = [];
    const loop = new MemberWorkerLoop(engineFor(rows), (a) => answers.push(a), (run) => turns.push(run));
    loop.receive(query({ id: 1 }));
    loop.receive(query({ id: 2, sort: { columnId: 'name', direction: 'desc' } }));
    loop.receive(query({ id: 3, search: 'a' }));
    expect(answers).toEqual([
      { type: 'superseded', id: 1 },
      { type: 'superseded', id: 2 },
    ]);
    expect(turns).toHaveLength(1);
    turns.shift()!();
    const last = answers[2]!;
    expect(last.type === 'result' && last.id).toBe(3);
    expect(last.type === 'result' && last.shown && Array.from(last.shown, (i) => rows[i]!.lead.id)).toEqual(
      ids(filterMembers(new MemberIndex(sortMembers(rows, columns, { columnId: 'name', direction: 'asc' }, 'en-US'), formatter), columns, { search: 'a', filters: {} })),
    );
    // A new set's search text is prepared on a turn of its own, before any later query runs.
    loop.receive({ type: 'members', setId: 9, ids: packTexts(['a']), names: packTexts(['Ann']), emails: packTexts([undefined]), companies: packTexts(['Acme']) });
    expect(turns).toHaveLength(1);
    turns.shift()!();
    loop.receive({ type: 'forget', setId: 9 });
    loop.receive(query({ id: 4, setId: 9 }));
    turns.shift()!();
    expect(answers[3]).toEqual({ type: 'error', id: 4, message: 'member set 9 is not loaded' });
  });
});
