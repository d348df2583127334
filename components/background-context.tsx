import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { SendToBackground } from '../lib/messaging/client';

/**
 * The function UI components use to send a change to the background (docs/semantics.md §5: the background is
 * the only writer). The real one is `sendToBackground` (lib/messaging/client.ts); tests pass a fake.
 */
const BackgroundContext = createContext<SendToBackground | null>(null);

/** Provides `send` to every component below. */
export function BackgroundProvider({ send, children }: { send: SendToBackground; children: ComponentChildren }) {
  return <BackgroundContext.Provider value={send}>{children}</BackgroundContext.Provider>;
}

/** The `SendToBackground` of the nearest provider. Throws if there is none (a wiring bug). */
export function useBackground(): SendToBackground {
  const send = useContext(BackgroundContext);
  if (!send) throw new Error('useBackground() needs a <BackgroundProvider> above it');
  return send;
}
