import { backgroundMessenger, type BackgroundProtocol, type Result } from './protocol';

/** The payload type of background message `K`. */
export type PayloadOf<K extends keyof BackgroundProtocol> = Parameters<BackgroundProtocol[K]>[0];
/** The `Result<…>` type background message `K` answers with. */
export type AnswerOf<K extends keyof BackgroundProtocol> = ReturnType<BackgroundProtocol[K]>;

/**
 * Sends one message to the background and returns its `Result`. UI code receives this function
 * (e.g. through a Preact context) so component tests can pass a fake.
 */
export type SendToBackground = <K extends keyof BackgroundProtocol>(type: K, data: PayloadOf<K>) => Promise<AnswerOf<K>>;

/**
 * The real transport. Never throws: a background that cannot be reached (restarting service
 * worker, extension reloaded) becomes `{ ok: false, error }` with a plain-language message.
 */
export const sendToBackground: SendToBackground = async (type, data) => {
  try {
    const answer = await backgroundMessenger.sendMessage(type, data as never);
    return answer as AnswerOf<typeof type>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The extension background did not answer (${detail}). Try again.` } as Result<never> as AnswerOf<
      typeof type
    >;
  }
};
