/**
 * Test support for the popup's component tests: a uniquely named fake-indexeddb database, a fake
 * background that records messages, and segment/lead factories. Not shipped (only tests import it).
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { CrmSegmentsDB } from '../../lib/db/database';
import type { AnswerOf, PayloadOf, SendToBackground } from '../../lib/messaging/client';
import type { BackgroundProtocol } from '../../lib/messaging/protocol';
import type { Lead, Segment } from '../../lib/schema';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import { memoryDraftStore, type DraftStore } from './editor/draft-store';
import { PopupApp } from './popup-app';
import { makeTestLead } from '../../lib/testing/lead-factory';
import { createFieldValueCounts } from '../../lib/background/field-value-counts';
import { createLeadMemory } from '../../lib/background/lead-memory';

type Handlers = {
  [K in keyof BackgroundProtocol]?: (data: PayloadOf<K>) => AnswerOf<K> | Promise<AnswerOf<K>>;
};

/** One message the fake background received. */
export interface SentMessage {
  type: keyof BackgroundProtocol;
  data: unknown;
}

/** A fake background: answers with `handlers` (an error for unhandled types) and records every message. */
export function fakeBackground(handlers: Handlers = {}) {
  const sent: SentMessage[] = [];
  const all: Handlers = {
    getSyncStatus: () => ({ ok: true, data: { leadCount: 0, running: false } }),
    getCurrentUser: () => ({ ok: true, data: TEST_USER }),
    ...handlers,
  };
  const send = (async (type, data) => {
    sent.push({ type, data });
    const handler = all[type] as ((d: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: `no fake handler for ${type}` };
    return handler(data);
  }) as SendToBackground;
  const of = (type: keyof BackgroundProtocol) => sent.filter((m) => m.type === type).map((m) => m.data);
  return { send, sent, of };
}

/** A `getFieldValueCounts` handler answering over `db` as the background does (from its compact lead copy). */
export function fieldValuesOf(db: CrmSegmentsDB): NonNullable<Handlers['getFieldValueCounts']> {
  const counts = createFieldValueCounts(db, createLeadMemory(db));
  return async ({ fields }) => ({ ok: true, data: await counts.get(fields) });
}

/** A fresh, uniquely named database (fake-indexeddb). */
export function testDb(): CrmSegmentsDB {
  return new CrmSegmentsDB(`popup-test-${crypto.randomUUID()}`);
}

/** The signed-in user of the fake background: the owner of {@link makeSegment}'s segments. */
export const TEST_USER = { userId: 'u1', name: 'Uma', role: 'owner', orgId: 'org' } as const;

/**
 * Registers hooks that give each test of the file a fresh database (handed to `use`) and empty
 * localStorage, and unmount the rendered UI and close the database after it.
 */
export function freshDbPerTest(use: (db: CrmSegmentsDB) => void): void {
  let db: CrmSegmentsDB;
  beforeEach(() => {
    db = testDb();
    use(db);
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    db.close();
  });
}

let segmentCounter = 0;
/** A valid stored segment with sensible defaults. */
export function makeSegment(over: Partial<Segment> = {}): Segment {
  segmentCounter += 1;
  return {
    id: `seg-${segmentCounter}`,
    name: `Segment ${segmentCounter}`,
    description: '',
    color: '#2563eb',
    rules: { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] },
    status: 'active',
    ownerId: 'u1',
    ownerName: 'Uma',
    orgId: 'org',
    createdAt: Date.UTC(2025, 0, 1),
    updatedAt: Date.UTC(2025, 0, 1),
    rulesVersion: 1,
    memberCount: 0,
    ...over,
  };
}

/** A valid lead with sensible defaults. */
export function makeLead(n: number, over: Partial<Lead> = {}): Lead {
  return makeTestLead(n, over);
}

/** Renders the whole popup on `db` with `send`; returns the draft store in use. */
export function renderPopup(
  db: CrmSegmentsDB,
  send: SendToBackground,
  options: { draftStore?: DraftStore; activeTabUrl?: string } = {},
) {
  const draftStore = options.draftStore ?? memoryDraftStore();
  const result = render(
    <BackgroundProvider send={send}>
      <DbProvider db={db}>
        <PopupApp draftStore={draftStore} getActiveTabUrl={async () => options.activeTabUrl} previewDelayMs={0} />
      </DbProvider>
    </BackgroundProvider>,
  );
  return { ...result, draftStore };
}
