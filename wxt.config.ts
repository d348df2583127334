import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILT_IN_HOST_PERMISSIONS, OPTIONAL_HOST_PERMISSIONS } from './lib/connections/hosts';
import { contentScriptBudgetHook } from './build/content-script-budget';

/**
 * WXT build configuration. Host permissions are limited to the demo CRM origins (docs/semantics.md §9).
 * `optional_host_permissions` is only the ceiling Chrome requires for runtime requests: when the
 * user connects another CRM, the popup requests exactly that one origin
 * (`permissions.request({ origins: ["https://crm.example/*"] })`), and disconnecting gives it
 * back — the pattern itself is never requested (lib/connections/hosts.ts). The CRM content
 * script is not in the manifest: it is registered at runtime for connected origins only.
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
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'CRM Segments' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'crm-segments@example.com' } } }
      : {}),
  }),
});
