import { MessagePayloadSchemas } from '../schema';
import type { Result } from './protocol';

/** The answer to a message without the messaging envelope (`{ id, type, data, timestamp }`). */
export const NO_ENVELOPE = 'CRM Segments cannot read this message: it must be { type, data } as the extension sends it.';

/** True when `type` is a message type the background handles (own keys only: not `constructor`, `__proto__`, `toString`…). */
export function isKnownMessageType(type: unknown): boolean {
  return typeof type === 'string' && Object.hasOwn(MessagePayloadSchemas, type);
}

/**
 * The background's answer to a runtime message the typed messenger will not answer (issue 9
 * item 5): undefined for a known message type (its handler answers), otherwise `{ res: error }` —
 * an unknown type, an inherited key such as "constructor", or no envelope at all (not an object,
 * no string `type`) is answered in words, never with silence.
 */
export function answerUnroutedMessage(message: unknown): { res: Result<never> } | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { res: { ok: false, error: NO_ENVELOPE } };
  if (isKnownMessageType(type)) return undefined;
  return { res: { ok: false, error: `Unknown message type ${JSON.stringify(type.slice(0, 100))}.` } };
}
