import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILT_IN_HOST_PERMISSIONS } from './lib/connections/hosts';
import { contentScriptBudgetHook } from './build/content-script-budget';

/**
 * WXT build configuration. Host permissions are the demo CRM's loopback origins only, the one CRM
 * this release has an adapter for (docs/semantics.md §9). No optional host permissions are
 * declared: nothing requests one yet. When an adapter for a hosted CRM ships, its connection flow
 * requests exactly that origin at runtime and declares the matching optional pattern here. The
 * CRM content script is not in the manifest: it is registered at runtime for connected origins only.
 *
 * `build:done` prints the content script's size and fails a production build over its 40 kB
 * budget (issue 12 item 2, build/content-script-budget.ts).
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: { 'build:done': contentScriptBudgetHook({ enforce: true }) },
  manifest: ({ browser }) => ({
    name: 'CRM Segments',
    description: 'Dynamic lead segments for any CRM, evaluated privately in your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...BUILT_IN_HOST_PERMISSIONS],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'CRM Segments' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'crm-segments@example.com' } } }
      : {}),
  }),
});
