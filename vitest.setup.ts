// Real IndexedDB semantics in Node for Dexie (fake-indexeddb implements the W3C spec in memory).
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { options } from 'preact';

// Preact runs effects after the next animation frame (a 100 ms timer races requestAnimationFrame).
// Under jsdom that timer can fire after a test file's environment is torn down, where
// `cancelAnimationFrame` no longer exists (an uncaught error that fails the run at random).
// Preact's documented hook: schedule the effects on a plain macrotask instead.
options.requestAnimationFrame = (flush: () => void) => setTimeout(flush, 0);

// findBy*/waitFor wait for a condition; on a loaded 2-core machine a component's first IndexedDB reads
// can take over the library's default 1 s. A longer ceiling changes no assertion, only how long a
// failing one waits.
configure({ asyncUtilTimeout: 5000 });
