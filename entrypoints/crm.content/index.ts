import { defineContentScript } from 'wxt/utils/define-content-script';
import { findAdapter } from '../../lib/adapters/registry';
import { startBadgeController } from '../../lib/badges/controller';
import { contentMessenger } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/client';

/**
 * CRM pages: badges beside lead rows and detail headers, visible-row sync and live updates
 * (issue #3). Everything CRM-specific comes from the adapter that claims the page.
 */
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    const adapter = findAdapter(location.href);
    if (!adapter || !adapter.isCrmPage(document)) return;
    const crmKey = adapter.crmKey(new URL(location.href));
    let reportedUser = '';
    const controller = startBadgeController(adapter, document, crmKey, {
      async syncVisible(crmIds) {
        const user = adapter.readCurrentUser(document);
        if (user) reportedUser = JSON.stringify(user);
        const result = await sendToBackground('syncVisible', { pageUrl: location.href, crmIds, ...(user ? { user } : {}) });
        if (!result.ok) console.warn(`[CRM Segments] ${result.error}`);
      },
      async getMemberships(leadIds) {
        const result = await sendToBackground('getMemberships', { leadIds });
        return result.ok ? result.data : {};
      },
      openDetails(leadId, segmentId) {
        void sendToBackground('openSidePanel', { leadId, segmentId });
      },
      afterScan() {
        // The user switched accounts in the CRM (docs/semantics.md §7): tell the background who owns new segments.
        const user = adapter.readCurrentUser(document);
        if (!user || JSON.stringify(user) === reportedUser) return;
        reportedUser = JSON.stringify(user);
        void sendToBackground('syncVisible', { pageUrl: location.href, crmIds: [], user });
      },
    });
    const stopMemberships = contentMessenger.onMessage('membershipsChanged', ({ data }) => {
      controller.applyMemberships(data.memberships);
    });
    const stopSegments = contentMessenger.onMessage('segmentsChanged', () => {
      void controller.refreshAll();
    });
    ctx.onInvalidated(() => {
      stopMemberships();
      stopSegments();
      controller.stop();
    });
  },
});
