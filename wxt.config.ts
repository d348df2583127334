import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * WXT build configuration. Host permissions are limited to the demo CRM origins (SPEC §9);
 * other CRMs are requested at runtime as optional host permissions.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'CRM Segments',
    description: 'Dynamic lead segments for any CRM, evaluated privately in your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'CRM Segments' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'crm-segments@example.com' } } }
      : {}),
  }),
});
