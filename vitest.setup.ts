// Real IndexedDB semantics in Node for Dexie (fake-indexeddb implements the W3C spec in memory).
import 'fake-indexeddb/auto';
