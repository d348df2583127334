import { CONTENT_SCRIPT_MESSAGES, MessagePayloadSchemas, formatZodError, type MessageType, type ParsedMessagePayload } from '../schema';
import type { BackgroundProtocol, Result } from './protocol';

/** The parts of a `runtime.MessageSender` the router checks. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/** The data a background handler answers with for message `K` (the `data` of its `Result`). */
export type AnswerData<K extends MessageType> = ReturnType<BackgroundProtocol[K]> extends Result<infer D> ? D : never;

/** One handler per message type; receives the validated payload and the sender; may throw. */
export type MessageHandlers = {
  [K in MessageType]: (payload: ParsedMessagePayload<K>, sender: MessageSenderInfo) => Promise<AnswerData<K>>;
};

/** Who the router trusts: this extension's id and its page origin (`chrome-extension://<id>/`). */
export interface RouterIdentity {
  extensionId: string;
  extensionOrigin: string;
}

/** An error whose message is safe and useful to show the user as is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

const isMessageType = (type: unknown): type is MessageType =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(MessagePayloadSchemas, type);

/**
 * Checks who sent a message (docs/semantics.md §9): it must come from this extension; extension pages may send
 * every message, content scripts only {@link CONTENT_SCRIPT_MESSAGES}, and only about their own
 * page's origin. Returns the refusal in words, or null.
 */
export function senderProblem(type: MessageType, payload: unknown, sender: MessageSenderInfo, identity: RouterIdentity): string | null {
  if (sender.id !== identity.extensionId) return 'Messages from other extensions are not accepted.';
  if (sender.url?.startsWith(identity.extensionOrigin)) return null;
  if (!CONTENT_SCRIPT_MESSAGES.includes(type)) return `'${type}' can only be sent from the extension's own pages.`;
  const pageUrl = (payload as { pageUrl?: unknown } | undefined)?.pageUrl;
  if (typeof pageUrl === 'string') {
    try {
      if (!sender.url || new URL(pageUrl).origin !== new URL(sender.url).origin) {
        return 'A page can only sync leads of its own CRM.';
      }
    } catch {
      return 'The page address is not valid.';
    }
  }
  return null;
}

/**
 * Validates and dispatches one background message. Never throws: an unknown type, a refused
 * sender, an invalid payload or a failing handler all become `{ ok: false, error }` (and an
 * invalid message reaches no handler, so nothing is written).
 */
export async function routeMessage(
  handlers: MessageHandlers,
  identity: RouterIdentity,
  type: unknown,
  payload: unknown,
  sender: MessageSenderInfo,
): Promise<Result<unknown>> {
  if (!isMessageType(type)) return { ok: false, error: `Unknown message type ${JSON.stringify(type)}.` };
  const refusal = senderProblem(type, payload, sender, identity);
  if (refusal) return { ok: false, error: refusal };
  const parsed = MessagePayloadSchemas[type].safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: `Invalid ${type} message: ${formatZodError(parsed.error)}` };
  try {
    const handler = handlers[type] as (p: unknown, s: MessageSenderInfo) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data, sender) };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
}

/** Plain-language text for a failure inside a handler. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError' || error.name === 'QuotaExceeded' || /quota/i.test(error.message)) {
      return 'The browser is out of storage space for CRM Segments. Free some disk space or delete unused segments, then try again.';
    }
    return error.message;
  }
  return String(error);
}
