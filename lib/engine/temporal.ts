/**
 * The one place that picks a `Temporal` implementation: the runtime's native `Temporal` when it
 * has one (current Chromium and Firefox), else the `temporal-polyfill` package (Node, older
 * browsers). Both compute time-zone rules from the IANA database through `Intl`, never from the
 * host's own zone, so every calendar computation in the product gives the same answer on every
 * machine (docs/semantics.md, "Dates"). Import `Temporal` from here, never from the package.
 */
import { Temporal as Polyfill } from 'temporal-polyfill';

type TemporalNamespace = typeof Polyfill;

const native = (globalThis as { Temporal?: TemporalNamespace }).Temporal;

/** The Temporal namespace in use (native when present). */
export const Temporal: TemporalNamespace = native ?? Polyfill;

/** True when the runtime's own Temporal is used (for diagnostics and tests). */
export const temporalIsNative = native !== undefined;
