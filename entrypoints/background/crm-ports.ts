import { browser } from 'wxt/browser';
import type { CrmBrowserPorts } from '../../lib/background/connection-features';
import { originPattern } from '../../lib/connections/hosts';

/** The CRM content script as WXT builds it (`entrypoints/crm.content`, registered at runtime). */
export const CRM_CONTENT_SCRIPT = 'content-scripts/crm.js';

type Scripting = {
  registerContentScripts(scripts: Array<{ id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions?: boolean }>): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(): Promise<Array<{ id: string }>>;
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
};

/**
 * The real browser APIs behind connected CRMs (issue 9 item 4, 11 item 2, 10 item 7):
 * `scripting` registers the CRM content script only for connected origins (persisting across
 * restarts; the background also re-checks on start-up), `permissions` gives back an origin's
 * runtime host permission, `alarms` drives the scheduled sync.
 */
export function crmBrowserPorts(): CrmBrowserPorts {
  const scripting = (browser as unknown as { scripting: Scripting }).scripting;
  return {
    scripts: {
      async registeredIds() {
        return (await scripting.getRegisteredContentScripts()).map((s) => s.id);
      },
      async register(id, matches) {
        await scripting.registerContentScripts([{ id, matches, js: [CRM_CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
      },
      async unregister(ids) {
        await scripting.unregisterContentScripts({ ids });
      },
      async injectIntoOpenTabs(origin) {
        const tabs = await browser.tabs.query({ url: originPattern(origin) });
        await Promise.all(
          tabs.map((tab) => (tab.id === undefined ? undefined : scripting.executeScript({ target: { tabId: tab.id }, files: [CRM_CONTENT_SCRIPT] }).catch(() => undefined))),
        );
      },
    },
    removeHostPermission: (pattern) => browser.permissions.remove({ origins: [pattern] }),
    alarms: browser.alarms,
  };
}
