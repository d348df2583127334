/**
 * The one place the project imports Zod from.
 *
 * Zod 4 compiles object parsers with the Function constructor unless told otherwise; the MV3 extension CSP
 * forbids that (docs/semantics.md §4, §9), so every schema in `lib/schema/` is built from this module, which
 * turns JIT compilation off before any schema exists. This is the only import-time effect in
 * `lib/` and it is idempotent.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
