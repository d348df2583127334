import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getLeads } from '../../lib/db/leads';
import { firstMemberPage, memberBlockMemberships, memberBlockStarts, readMemberLeads } from '../../lib/db/member-rows';
import type { MemberRow } from '../../lib/format/member-columns';
import { useDb } from '../db-context';
import { MemberStore } from './member-store';

/** Members painted first, before the rest of the list is read (one screen and some). */
export const FIRST_PAGE = 100;

/** What {@link useMemberList} has read so far. */
export interface MemberListState {
  /** Rows read so far, in lead-id order; undefined until the first page arrives. */
  rows: MemberRow[] | undefined;
  /** Members of the segment, once its membership list is read. */
  total: number | undefined;
  /** True once every member's lead is read (and after each later change is applied). */
  complete: boolean;
  error: Error | undefined;
}

const INITIAL: MemberListState = { rows: undefined, total: undefined, complete: false, error: undefined };

/** A first page of a segment's members read before the panel rendered (see `firstMemberPage`). */
export interface FirstMemberPage {
  segmentId: string;
  members: MemberRow[];
}

/**
 * A segment's members for the side panel (issue 10 item 3). The first {@link FIRST_PAGE} members
 * come from the first page of membership blocks, so rows paint before anything else is read; once
 * they are in, the membership blocks are read (ids only) and the remaining leads in chunks, re-published each
 * time the loaded count doubles. Each block stays live on its own: a join or leave re-reads that
 * block (a few thousand ids, not the whole list) and only the leads that joined, and the rows
 * array is patched (member-store.ts). The leads of the rows on screen (`watched`) stay live too, so an edit synced
 * from the CRM shows without re-reading the list. While `paused` (a refresh of the segment is running) changes are not
 * followed, so the list is not re-read per refresh chunk; the difference is applied when it ends.
 */
export function useMemberList(segmentId: string, paused: boolean, watched: readonly string[] = [], firstPage?: FirstMemberPage): MemberListState {
  const db = useDb();
  const given = firstPage?.segmentId === segmentId ? firstPage.members : undefined;
  // A page given at start seeds the store of its segment once; later segments read their own.
  const { store, seeded } = useMemo(() => {
    const fresh = new MemberStore(segmentId);
    if (given) fresh.put(given);
    return { store: fresh, seeded: given !== undefined };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [segmentId]);
  const [state, setState] = useState<MemberListState>(() => (seeded ? { ...INITIAL, rows: store.rows() } : INITIAL));
  const listed = state.total !== undefined;
  const hold = paused && listed;
  // The whole list is read only once the first page is in, so nothing competes with the first rows.
  const firstPageIn = state.rows !== undefined;

  useEffect(() => {
    if (seeded) return;
    setState(INITIAL);
    let cancelled = false;
    firstMemberPage(db, segmentId, FIRST_PAGE).then(
      (page) => {
        if (cancelled) return;
        store.put(page); // rows of leads that left meanwhile are ignored; ones read already are replaced by the same
        setState((s) => ({ rows: store.rows(), total: store.total, complete: s.complete, error: undefined }));
      },
      (error: unknown) => !cancelled && setState((s) => ({ ...s, error: asError(error) })),
    );
    return () => {
      cancelled = true;
    };
  }, [db, segmentId, store, seeded]);

  useEffect(() => {
    if (hold || !firstPageIn) return;
    let generation = 0;
    let live = true;
    let scheduled = false;
    const publish = (complete: boolean) =>
      setState({ rows: store.rows(), total: store.total, complete, error: undefined });
    const fail = (error: unknown) => live && setState((s) => ({ ...s, error: asError(error) }));
    // Once every block reported (and after each later change), the leads of members that joined are read.
    const apply = () => {
      scheduled = false;
      if (!live || !store.listed) return;
      const mine = ++generation;
      const missing = store.missing();
      publish(missing.length === 0);
      if (missing.length === 0) return;
      let nextPublish = Math.max(FIRST_PAGE * 2, store.loaded * 2);
      readMemberLeads(db, missing, (members) => {
        if (mine !== generation) return false;
        store.put(members);
        if (store.loaded >= nextPublish) {
          nextPublish = store.loaded * 2;
          publish(false);
        }
        return true;
      }).then(() => mine === generation && publish(true), (error: unknown) => mine === generation && fail(error));
    };
    const changed = () => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(apply, 0);
    };
    // Each membership block is watched on its own: a join or leave re-reads its block only.
    const blocks = new Map<string, { unsubscribe(): void }>();
    const starts = liveQuery(() => memberBlockStarts(db, segmentId)).subscribe({
      next: (list) => {
        const now = new Set(list);
        for (const [start, subscription] of blocks) {
          if (now.has(start)) continue;
          subscription.unsubscribe();
          blocks.delete(start);
        }
        store.setStarts(list);
        for (const start of list) {
          if (blocks.has(start)) continue;
          const subscription = liveQuery(() => memberBlockMemberships(db, segmentId, start)).subscribe({
            next: (memberships) => {
              if (!blocks.has(start)) return;
              store.setBlock(start, memberships);
              changed();
            },
            error: fail,
          });
          blocks.set(start, subscription);
        }
        changed();
      },
      error: fail,
    });
    return () => {
      live = false;
      generation = -1;
      starts.unsubscribe();
      for (const subscription of blocks.values()) subscription.unsubscribe();
    };
  }, [db, segmentId, store, hold, firstPageIn]);

  const watchedKey = watched.join('\n');
  useEffect(() => {
    if (watchedKey === '') return;
    const ids = watchedKey.split('\n');
    const subscription = liveQuery(() => getLeads(db, ids)).subscribe({
      next: (leads) => {
        if (store.refreshLeads(leads)) setState((s) => ({ ...s, rows: store.rows() }));
      },
    });
    return () => subscription.unsubscribe();
  }, [db, store, watchedKey]);

  return state;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
