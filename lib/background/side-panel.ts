import type { MessageSenderInfo } from '../messaging/router';
import { searchForTarget, type PanelTarget } from '../schema/panel-view';

/** What the side panel should show: a segment's members and/or one lead's details, and where to open it. */
export interface SidePanelTarget extends PanelTarget {
  /** The window to open it in when the sender is not a tab (the popup). */
  windowId?: number;
}

/** A side panel page path, `sidepanel.html` with an optional query. */
export type SidePanelPath = `sidepanel.html${string}`;

/** The side panel page for a target: `sidepanel.html?segment={id}&lead={lead id}` (issue #5). */
export function sidePanelPath(target: SidePanelTarget): SidePanelPath {
  return `sidepanel.html${searchForTarget(target)}`;
}

/** The browser surfaces used to open the side panel (Chrome's sidePanel, Firefox's sidebar, tabs). */
export interface SidePanelPorts {
  /** Chrome: `sidePanel.setOptions` + `sidePanel.open` for a tab or window; undefined elsewhere. */
  chromeSidePanel?: {
    setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
    open(options: { tabId?: number; windowId?: number }): Promise<void>;
  };
  /** Firefox: `sidebarAction.open` (+ setPanel); undefined elsewhere. */
  firefoxSidebar?: { setPanel(details: { panel: string }): Promise<void>; open(): Promise<void> };
  /** Tells an already-open side panel where to go. */
  announce(target: Omit<SidePanelTarget, 'windowId'> & { at: number }): Promise<void>;
  /** Opens the panel's page in a normal tab (fallback when the browser refuses to open the panel). */
  openTab(path: SidePanelPath): Promise<void>;
  getURL(path: SidePanelPath): string;
  now(): number;
}

/**
 * Opens the side panel on `target` (from a badge click in a CRM tab, or the popup). Calls the
 * browser's open() before anything is awaited, because browsers only allow it during the user
 * gesture that sent the message; when the browser still refuses (or has no side panel), opens the
 * same page in a tab. Returns true when the panel itself opened.
 */
export async function openSidePanel(ports: SidePanelPorts, target: SidePanelTarget, sender: MessageSenderInfo): Promise<boolean> {
  const path = sidePanelPath(target);
  const { windowId: requestedWindow, ...view } = target;
  const announced = ports.announce({ ...view, at: ports.now() }).catch(() => undefined);
  const windowId = sender.tab?.windowId ?? requestedWindow;
  let opened = false;
  try {
    if (ports.chromeSidePanel && sender.tab?.id !== undefined) {
      const tabId = sender.tab.id;
      const options = ports.chromeSidePanel.setOptions({ tabId, path, enabled: true });
      await Promise.all([options, ports.chromeSidePanel.open({ tabId })]);
      opened = true;
    } else if (ports.chromeSidePanel && windowId !== undefined) {
      const options = ports.chromeSidePanel.setOptions({ path, enabled: true });
      await Promise.all([options, ports.chromeSidePanel.open({ windowId })]);
      opened = true;
    } else if (ports.firefoxSidebar) {
      const panel = ports.firefoxSidebar.setPanel({ panel: ports.getURL(path) });
      await Promise.all([panel, ports.firefoxSidebar.open()]);
      opened = true;
    }
  } catch {
    opened = false;
  }
  await announced;
  if (!opened) await ports.openTab(path);
  return opened;
}
