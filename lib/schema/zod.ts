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

/**
 * A schema (or any object) built by `build` on its first use instead of when its module loads.
 * Zod builds every schema object and installs each schema class's members when it is first
 * constructed, which cost the popup and the side panel tens of milliseconds of module evaluation
 * before their first render (issue 10: popup counts, side panel first rows) although the first
 * screen parses nothing. The result forwards every operation (`parse`, `shape`, `instanceof`,
 * `Object.keys`…) to the built value; methods come bound to it, as Zod's own are.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const value = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(value(), key),
    set: (_, key, next) => Reflect.set(value(), key, next),
    has: (_, key) => Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), key);
      // The proxy's own (empty) target cannot report a fixed property it does not have.
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(value(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(value(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
}
