import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDatabase } from '../../lib/db';
import { createBackgroundService } from '../../lib/background/service';
import { ensureScheduleAlarm } from '../../lib/background/alarms';
import { openSidePanel, type SidePanelPorts } from '../../lib/background/side-panel';
import { SIDE_PANEL_TARGET_KEY } from '../../lib/schema/panel-view';
import { crmBrowserPorts } from './crm-ports';
import { backgroundMessenger, contentMessenger } from '../../lib/messaging/protocol';
import { answerUnroutedMessage } from '../../lib/messaging/fallback';
import { routeMessage, type RouterIdentity } from '../../lib/messaging/router';
import { MessagePayloadSchemas, type MessageType } from '../../lib/schema';

/** Composition root: wires browser APIs to the background service in lib/ (docs/semantics.md §5). */
export default defineBackground({
  type: 'module',
  main() {
    const db = openDatabase();
    const identity: RouterIdentity = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
    const chromeApi = (globalThis as { chrome?: { sidePanel?: SidePanelPorts['chromeSidePanel'] } }).chrome;
    const firefoxSidebar = (browser as unknown as { sidebarAction?: SidePanelPorts['firefoxSidebar'] }).sidebarAction;

    const sendToCrmTabs = async (send: (tabId: number) => Promise<unknown>) => {
      const tabs = await browser.tabs.query({});
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : send(tab.id).catch(() => undefined))));
    };

    const service = createBackgroundService({
      db,
      fetchFn: (input, init) => fetch(input, { credentials: 'include', ...init }),
      // Read at every call, not bound once: e2e tests shift the worker's clock to simulate days.
      clock: () => Date.now(),
      tabs: {
        membershipsChanged: (tabId, memberships) => contentMessenger.sendMessage('membershipsChanged', { memberships }, tabId),
        segmentsChanged: () => sendToCrmTabs((tabId) => contentMessenger.sendMessage('segmentsChanged', {}, tabId)),
      },
      openSidePanel: (target, sender) =>
        openSidePanel(
          {
            ...(chromeApi?.sidePanel ? { chromeSidePanel: chromeApi.sidePanel } : {}),
            ...(firefoxSidebar ? { firefoxSidebar } : {}),
            announce: (value) => browser.storage.session.set({ [SIDE_PANEL_TARGET_KEY]: value }),
            openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(`/${path}`) })),
            getURL: (path) => browser.runtime.getURL(`/${path}`),
            now: Date.now,
          },
          target,
          sender,
        ),
      reportError: (context, error) => console.error(`[CRM Segments] ${context} failed:`, error),
      crm: crmBrowserPorts(),
    });

    for (const type of Object.keys(MessagePayloadSchemas) as MessageType[]) {
      backgroundMessenger.onMessage(type, (message) =>
        routeMessage(service.handlers, identity, type, message.data, message.sender) as never,
      );
    }
    // Unknown types, inherited keys and messages without the envelope get a clear answer, not silence.
    browser.runtime.onMessage.addListener((message: unknown) => {
      const answer = answerUnroutedMessage(message);
      return answer ? Promise.resolve(answer) : undefined;
    });

    browser.alarms.onAlarm.addListener((alarm) => void service.onAlarm(alarm.name));
    void ensureScheduleAlarm(browser.alarms);
    service.start();
  },
});
