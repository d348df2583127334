import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';

/** A result line on the options page: what a change did, or why it failed. */
export interface OptionsMessageValue {
  tone: 'ok' | 'error';
  text: string;
}

/** Shows `message` as a status (ok) or an alert (error); nothing when null. */
export function OptionsMessage({ message }: { message: OptionsMessageValue | null }) {
  if (!message) return null;
  return (
    <p class={message.tone === 'error' ? 'options-error' : 'options-ok'} role={message.tone === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}

/** How many times this page saw every stored row replaced ("Delete all data", a restore), and how to say it happened. */
interface DataEpoch {
  epoch: number;
  replaced(): void;
}

const DataEpochContext = createContext<DataEpoch>({ epoch: 0, replaced: () => undefined });

/** Gives the options page one count of "all data replaced" events, so old result lines can go. */
export function DataEpochProvider({ children }: { children: ComponentChildren }) {
  const [epoch, setEpoch] = useState(0);
  const value = useMemo(() => ({ epoch, replaced: () => setEpoch((n) => n + 1) }), [epoch]);
  return <DataEpochContext.Provider value={value}>{children}</DataEpochContext.Provider>;
}

/** The current data epoch and `replaced()`, to announce that every stored row was deleted or replaced. */
export function useDataEpoch(): DataEpoch {
  return useContext(DataEpochContext);
}

/**
 * A section's result line that disappears once the data it talks about is gone: a message set
 * before "Delete all data" or a restore ("Deleted "Visits"", "Disconnected …") is not shown after it.
 */
export function useOptionsMessage(): [OptionsMessageValue | null, (message: OptionsMessageValue | null) => void] {
  const { epoch } = useDataEpoch();
  const current = useRef(epoch);
  current.current = epoch;
  const [state, setState] = useState<{ message: OptionsMessageValue; epoch: number } | null>(null);
  const set = useCallback((message: OptionsMessageValue | null) => setState(message && { message, epoch: current.current }), []);
  return [state && state.epoch === epoch ? state.message : null, set];
}

/** Runs `clear` each time every stored row was deleted or replaced (not on mount): for result views kept in other state. */
export function useOnDataReplaced(clear: () => void): void {
  const { epoch } = useDataEpoch();
  const seen = useRef(epoch);
  const latest = useRef(clear);
  latest.current = clear;
  useEffect(() => {
    if (seen.current === epoch) return;
    seen.current = epoch;
    latest.current();
  }, [epoch]);
}
