/**
 * JSON encoding of stored values that JSON cannot carry as is: typed arrays, ArrayBuffers and
 * Dates become `{ $binary: "<constructor>", base64 }` / `{ $date: ms }`, so any table layout
 * (e.g. packed membership blocks) survives a backup byte for byte.
 */

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A stored value made JSON-safe (plain data is returned as is; containers are copied only when needed). */
export function encodeStored(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { $date: value.getTime() };
  if (value instanceof ArrayBuffer) return { $binary: 'ArrayBuffer', base64: toBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $binary: value.constructor.name, base64: toBase64(bytes) };
  }
  if (Array.isArray(value)) return value.map(encodeStored);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) Object.defineProperty(out, key, { value: encodeStored(item), enumerable: true, writable: true, configurable: true });
  return out;
}

/** The inverse of {@link encodeStored}; throws on a `$binary` of an unknown kind. */
export function decodeStored(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeStored);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'number') return new Date(record.$date);
  if (keys.length === 2 && typeof record.$binary === 'string' && typeof record.base64 === 'string') {
    const bytes = fromBase64(record.base64);
    if (record.$binary === 'ArrayBuffer') return bytes.buffer;
    if (!Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, record.$binary)) throw new Error(`unknown binary kind "${record.$binary}"`);
    const Kind = TYPED_ARRAYS[record.$binary as TypedArrayName];
    return new Kind(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) Object.defineProperty(out, key, { value: decodeStored(item), enumerable: true, writable: true, configurable: true });
  return out;
}
