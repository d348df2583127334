import { contentScriptId, CONTENT_SCRIPT_ID_PREFIX, originPattern } from './hosts';

/** The `browser.scripting` surface used for connected CRMs (the background passes the real one). */
export interface ContentScriptPort {
  /** Ids of the content scripts registered at runtime. */
  registeredIds(): Promise<string[]>;
  /** Registers the CRM content script for `matches` under `id` (persisting across browser restarts). */
  register(id: string, matches: string[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /** Runs the CRM content script in tabs already open on `origin` (loaded before it was registered). */
  injectIntoOpenTabs(origin: string): Promise<void>;
}

/**
 * Makes the registered CRM content scripts exactly the connected origins' (issue 9 item 4): on
 * start-up (registrations can be lost, e.g. Firefox does not persist them) and after a change.
 * Registers what is missing and unregisters scripts of origins no longer connected. Returns the
 * origins it registered.
 */
export async function reconcileContentScripts(port: ContentScriptPort, connectedOrigins: readonly string[]): Promise<string[]> {
  const registered = new Set((await port.registeredIds()).filter((id) => id.startsWith(CONTENT_SCRIPT_ID_PREFIX)));
  const wanted = new Map(connectedOrigins.map((origin) => [contentScriptId(origin), origin]));
  const stale = [...registered].filter((id) => !wanted.has(id));
  if (stale.length) await port.unregister(stale);
  const added: string[] = [];
  for (const [id, origin] of wanted) {
    if (registered.has(id)) continue;
    await port.register(id, [originPattern(origin)]);
    added.push(origin);
  }
  return added;
}
