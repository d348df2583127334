import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, memoryDraftStore, webStorageDraftStore, type SavedDraft } from './draft-store';

class MapStorage implements Storage {
  private map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, value);
  }
}

const draft: SavedDraft = {
  segmentId: 'seg-1',
  name: 'Half done',
  description: '',
  color: '#2563eb',
  rules: { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'New' }, { field: '', operator: '' }] },
  savedAt: 1_700_000_000_000,
};

describe('webStorageDraftStore', () => {
  it('saves, loads and clears a draft', () => {
    const storage = new MapStorage();
    const store = webStorageDraftStore(() => storage);
    expect(store.load()).toBeNull();
    expect(store.save(draft)).toBe(true);
    expect(store.load()).toEqual(draft);
    store.clear();
    expect(store.load()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('drops an unreadable or malformed draft', () => {
    const storage = new MapStorage();
    const store = webStorageDraftStore(() => storage);
    storage.setItem(DRAFT_KEY, '{not json');
    expect(store.load()).toBeNull();
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    storage.setItem(DRAFT_KEY, JSON.stringify({ ...draft, rules: { combinator: 'xor', rules: [] } }));
    expect(store.load()).toBeNull();
  });

  it('reports a refused write instead of throwing', () => {
    const storage = new MapStorage();
    storage.failWrites = true;
    expect(webStorageDraftStore(() => storage).save(draft)).toBe(false);
  });
});

describe('memoryDraftStore', () => {
  it('keeps one draft in memory', () => {
    const store = memoryDraftStore();
    store.save(draft);
    expect(store.load()).toBe(draft);
    store.clear();
    expect(store.load()).toBeNull();
  });
});
