import { defineContentScript } from 'wxt/utils/define-content-script';
import { findPageAdapter } from '../../lib/adapters/page-registry';
import { startBadgeController } from '../../lib/badges/controller';
import { contentMessenger } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/client';
import { watchUserSignal } from '../../lib/connections/user-signal-watch';

/** Set on the isolated world once this script runs, so a second injection into the same page does nothing. */
const RUNNING = Symbol.for('crm-segments.content-script');

/**
 * CRM pages: badges beside lead rows and detail headers, visible-row sync and live updates
 * (issue #3). Everything CRM-specific comes from the adapter that claims the page.
 *
 * Not in the manifest (issue 9 item 4): the background registers this script at runtime
 * (`scripting.registerContentScripts`) for each CRM origin the user connected, and only there.
 * It never tells the background who the user is — it only signals that the user menu changed,
 * and the background re-reads the user from the CRM's own API.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const scope = globalThis as { [RUNNING]?: true };
    if (scope[RUNNING]) return;
    const adapter = findPageAdapter(location.href);
    if (!adapter || !adapter.isCrmPage(document)) return;
    scope[RUNNING] = true;
    const crmKey = adapter.crmKey(new URL(location.href));
    const signalUserChange = () => void sendToBackground('userMayHaveChanged', { pageUrl: location.href });
    const controller = startBadgeController(adapter, document, crmKey, {
      async syncVisible(crmIds) {
        const result = await sendToBackground('syncVisible', { pageUrl: location.href, crmIds });
        if (!result.ok) console.warn(`[CRM Segments] ${result.error}`);
      },
      async getMemberships(leadIds) {
        const result = await sendToBackground('getMemberships', { leadIds });
        return result.ok ? result.data : {};
      },
      openDetails(leadId, segmentId) {
        void sendToBackground('openSidePanel', { leadId, segmentId });
      },
    });
    // The user menu changed (a user switch, docs/semantics.md §7), or may have while no page of this CRM was
    // open: ask the background to re-read the user from the CRM's API.
    const stopUserWatch = watchUserSignal(adapter, document, signalUserChange);
    signalUserChange();
    const stopMemberships = contentMessenger.onMessage('membershipsChanged', ({ data }) => {
      controller.applyMemberships(data.memberships);
    });
    const stopSegments = contentMessenger.onMessage('segmentsChanged', () => {
      void controller.refreshAll();
    });
    ctx.onInvalidated(() => {
      stopMemberships();
      stopSegments();
      stopUserWatch();
      controller.stop();
      delete scope[RUNNING];
    });
  },
});
