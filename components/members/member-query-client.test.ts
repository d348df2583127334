import { describe, expect, it } from 'vitest';
import { memberColumns, type MemberRow } from '../../lib/format/member-columns';
import { MemberQueryEngine } from '../../lib/format/member-query-engine';
import type { FromMemberWorker, ToMemberWorker } from '../../lib/format/member-query-protocol';
import { sortMembers } from '../../lib/format/member-query';
import { testLead } from '../../lib/format/test-leads';
import { inProcessPort, MemberQueryClient, type MemberQueryInput, type MemberWorkerPort } from './member-query-client';

const columns = memberColumns([{ key: 'score', label: 'Score', type: 'number' }]);
const rows: MemberRow[] = ['Cleo', 'ann', 'Bob', 'Émile', 'dave'].map((name, i) => ({
  lead: testLead(`${i}`, { name, email: `${name.toLowerCase()}@example.com`, country: i % 2 ? 'India' : 'Canada', custom: { score: 10 - i } }),
}));
const input = (fields: Partial<MemberQueryInput> = {}): MemberQueryInput => ({
  rows,
  columns,
  sort: { columnId: 'name', direction: 'asc' },
  search: '',
  filters: {},
  locale: 'en-US',
  timeZone: 'UTC',
  ...fields,
});
const names = (order: Int32Array | null | undefined, list = rows) => (order ? Array.from(order, (i) => list[i]!.lead.name) : order);

/** A port whose answers are delivered only when the test says so (a slow worker). */
function manualPort() {
  const sent: ToMemberWorker[] = [];
  const engine = new MemberQueryEngine();
  let hear: (answer: FromMemberWorker) => void = () => undefined;
  let failed: (message: string) => void = () => undefined;
  const port: MemberWorkerPort = {
    post: (message) => {
      sent.push(message);
      if (message.type !== 'query') engine.apply(message);
    },
    listen: (onAnswer, onFailure) => {
      hear = onAnswer;
      failed = onFailure;
    },
  };
  const answerQuery = (id: number) => {
    const query = sent.find((m) => m.type === 'query' && m.id === id);
    if (query?.type !== 'query') throw new Error(`no query ${id}`);
    hear(engine.query(query));
  };
  return { port, sent, answerQuery, fail: (message: string) => failed(message) };
}

describe('MemberQueryClient', () => {
  it('orders members as sortMembers does, sending the rows once and each column once', async () => {
    const { port, sent, answerQuery } = manualPort();
    const client = new MemberQueryClient(port);
    const byScore = client.query(input({ sort: { columnId: 'custom.score', direction: 'asc' } }));
    answerQuery(1);
    expect(names((await byScore)!.order)).toEqual(sortMembers(rows, columns, { columnId: 'custom.score', direction: 'asc' }, 'en-US').map((r) => r.lead.name));
    const desc = client.query(input({ sort: { columnId: 'custom.score', direction: 'asc' }, filters: { country: 'INDIA' } }));
    answerQuery(2);
    const answer = (await desc)!;
    expect(names(answer.order)).toEqual(['dave', 'Émile', 'Bob', 'ann', 'Cleo']);
    expect(names(answer.shown)).toEqual(['Émile', 'ann']);
    expect(sent.map((m) => m.type)).toEqual(['members', 'column', 'query', 'column', 'query']);
  });

  it('resolves a superseded query as undefined at once and drops its late answer by request id', async () => {
    const { port, answerQuery } = manualPort();
    const client = new MemberQueryClient(port);
    const first = client.query(input({ search: 'ann' }));
    const second = client.query(input({ search: 'bob' }));
    await expect(first).resolves.toBeUndefined();
    answerQuery(1); // the stale answer arrives late: nobody hears it
    answerQuery(2);
    expect(names((await second)!.shown)).toEqual(['Bob']);
  });

  it('sends a rows array of mostly other rows as a new set and forgets the old one', async () => {
    const { port, sent, answerQuery } = manualPort();
    const client = new MemberQueryClient(port);
    void client.query(input());
    const fewer = rows.slice(1).map((row) => ({ ...row })); // new row objects: every row is new

    const next = client.query(input({ rows: fewer }));
    answerQuery(2);
    expect(names((await next)!.order, fewer)).toEqual(['ann', 'Bob', 'dave', 'Émile']);
    expect(sent.map((m) => `${m.type}:${'setId' in m ? m.setId : ''}`)).toEqual(['members:1', 'query:1', 'forget:1', 'members:2', 'query:2']);
  });

  it('sends a rows array that differs by a few rows as the difference', async () => {
    const { port, sent, answerQuery } = manualPort();
    const client = new MemberQueryClient(port);
    void client.query(input({ sort: { columnId: 'custom.score', direction: 'asc' } }));
    answerQuery(1);
    const edited = [rows[0]!, { ...rows[1]!, lead: { ...rows[1]!.lead, custom: { score: 99 } } }, ...rows.slice(3)];
    const next = client.query(input({ rows: edited, sort: { columnId: 'custom.score', direction: 'asc' } }));
    answerQuery(2);
    expect(names((await next)!.order, edited)).toEqual(['dave', 'Émile', 'Cleo', 'ann']);
    const delta = sent[3];
    expect(delta?.type === 'delta' && { from: Array.from(delta.from), ids: delta.ids.text, score: delta.columns['custom.score'] }).toEqual({ from: [0, -1, 3, 4], ids: 'demo@test/1', score: [99] });
  });

  it('fails waiting queries when the worker fails, then answers in this thread', async () => {
    const { port, fail } = manualPort();
    const client = new MemberQueryClient(port);
    const waiting = client.query(input());
    fail('The member worker stopped unexpectedly.');
    await expect(waiting).rejects.toThrow('The member worker stopped unexpectedly.');
    const again = await client.query(input({ sort: { columnId: 'name', direction: 'desc' } }));
    expect(names(again!.order)).toEqual(['Émile', 'dave', 'Cleo', 'Bob', 'ann']);
  });

  it('works through the in-process port (no Worker)', async () => {
    const client = new MemberQueryClient(inProcessPort());
    const answer = await client.query(input({ filters: { country: 'india', nope: 'x' } }));
    expect(names(answer!.shown)).toEqual(['ann', 'Émile']);
  });
});
