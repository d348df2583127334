import { z, lazySchema } from '../../../lib/schema/zod';
import type { RuleSet } from '../../../lib/schema';
import { DRAFT_KEY } from './draft-key';

/**
 * An unsaved editor state, kept so a draft survives the popup closing (issue 4 §4). `rules` may
 * be incomplete (that is why it is a draft); it is shaped like a RuleSet.
 */
export interface SavedDraft {
  /** The segment being edited; absent for a new segment. */
  segmentId?: string;
  name: string;
  description: string;
  color: string;
  rules: RuleSet;
  /** When it was last written (epoch ms). */
  savedAt: number;
}

/** Where the popup keeps its one unsaved draft. */
export interface DraftStore {
  /** The saved draft, or null when there is none or it is unreadable (an unreadable one is dropped). */
  load(): SavedDraft | null;
  /** Stores `draft`, replacing the previous one. Returns false if storage refused (quota, disabled). */
  save(draft: SavedDraft): boolean;
  clear(): void;
}

const RuleLikeSchema = lazySchema(() => z.object({ field: z.string(), operator: z.string(), value: z.unknown().optional() }));
const RuleSetLikeSchema: z.ZodType<RuleSet> = lazySchema(() => z.lazy(() =>
  z.object({
    combinator: z.enum(['and', 'or']),
    rules: z.array(z.union([RuleSetLikeSchema, RuleLikeSchema])),
  }),
) as z.ZodType<RuleSet>);

/** Validates a stored draft (a boundary: storage may hold anything, e.g. from an older version). */
export const SavedDraftSchema = lazySchema(() => z.object({
  segmentId: z.string().min(1).optional(),
  name: z.string().max(1000),
  description: z.string().max(5000),
  color: z.string().max(50),
  rules: RuleSetLikeSchema,
  savedAt: z.number().finite(),
}));

/** Storage key of the popup's draft (kept in `draft-key.ts`). */
export { DRAFT_KEY };

/**
 * A draft store on Web Storage (the popup's `localStorage` by default, which outlives both the
 * popup and a browser restart). Storage is looked up when used, never at import time.
 */
export function webStorageDraftStore(storage: () => Storage = () => globalThis.localStorage, key = DRAFT_KEY): DraftStore {
  return {
    load() {
      let raw: string | null;
      try {
        raw = storage().getItem(key);
      } catch {
        return null;
      }
      if (raw === null) return null;
      try {
        const parsed = SavedDraftSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data as SavedDraft;
      } catch {
        // not JSON: fall through and drop it
      }
      this.clear();
      return null;
    },
    save(draft) {
      try {
        storage().setItem(key, JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage().removeItem(key);
      } catch {
        // storage unavailable: nothing to clear
      }
    },
  };
}

/** A draft store in memory (tests, or when Web Storage is unavailable). */
export function memoryDraftStore(initial: SavedDraft | null = null): DraftStore {
  let current = initial;
  return {
    load: () => current,
    save: (draft) => {
      current = draft;
      return true;
    },
    clear: () => {
      current = null;
    },
  };
}
