import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, hasKeptDraft } from './draft-key';
import { webStorageDraftStore } from './draft-store';

/** A Web Storage over a Map (the popup's localStorage in tests). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('hasKeptDraft (the popup skips its list-shaped first frame when the editor reopens)', () => {
  it('sees a draft the editor kept, and none once it is cleared', () => {
    const storage = memoryStorage();
    const drafts = webStorageDraftStore(() => storage);
    expect(hasKeptDraft(() => storage)).toBe(false);
    drafts.save({ name: 'Hot', description: '', color: '#e11d48', rules: { combinator: 'and', rules: [] }, savedAt: 1 });
    expect(storage.getItem(DRAFT_KEY)).not.toBeNull();
    expect(hasKeptDraft(() => storage)).toBe(true);
    drafts.clear();
    expect(hasKeptDraft(() => storage)).toBe(false);
  });

  it('answers false when storage cannot be read', () => {
    expect(
      hasKeptDraft(() => {
        throw new Error('denied');
      }),
    ).toBe(false);
  });
});
