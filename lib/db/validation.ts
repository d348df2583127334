import Dexie from 'dexie';
import { formatZodError, type z } from '../schema';

/**
 * A record failed its Zod schema on the way into the store. Nothing of the write was applied
 * (callers validate the whole batch before touching a table). `message` names the record kind and
 * the problems in plain words.
 */
export class StoreValidationError extends Error {
  constructor(
    readonly kind: string,
    readonly problems: string,
  ) {
    super(`Invalid ${kind}: ${problems}`);
    this.name = 'StoreValidationError';
  }
}

/** Parses `value` with `schema`; throws {@link StoreValidationError} naming `kind` on failure. */
export function validated<S extends z.ZodType>(schema: S, value: unknown, kind: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreValidationError(kind, formatZodError(result.error));
  return result.data;
}

/** Parses every item (all or nothing); throws on the first invalid one. */
export function validatedAll<S extends z.ZodType>(schema: S, values: readonly unknown[], kind: string): Array<z.output<S>> {
  return values.map((value) => validated(schema, value, kind));
}

/**
 * An already-settled Dexie promise. Repository functions called inside a transaction return
 * Dexie promises on EVERY path, including no-op ones: awaiting an async function that finished
 * without awaiting a Dexie operation makes Dexie lose track of the transaction and commit it
 * early (PrematureCommitError, dexie/Dexie.js#1186).
 */
export function settled<T>(value: T): Promise<T> {
  return Dexie.Promise.resolve(value);
}

/** A rejected Dexie promise (validation failures of repository writes reject, never throw). */
export function rejected<T = never>(error: unknown): Promise<T> {
  return Dexie.Promise.reject(error);
}

/** Validates `values` and runs `write` with the parsed rows, as a Dexie promise on every path. */
export function writeValidated<S extends z.ZodType, R>(
  schema: S,
  values: readonly unknown[],
  kind: string,
  write: (rows: Array<z.output<S>>) => Promise<R>,
  empty: R,
): Promise<R> {
  if (values.length === 0) return settled(empty);
  let rows: Array<z.output<S>>;
  try {
    rows = validatedAll(schema, values, kind);
  } catch (error) {
    return rejected(error);
  }
  return write(rows);
}
