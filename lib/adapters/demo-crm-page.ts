/**
 * Acme CRM (demo) — page part: what the content script needs to know about Acme's pages (its
 * URLs, page marker, lead rows, detail header, user menu). No API client, no record format and
 * no Zod here: this file is bundled into the content script (issue 12 item 2); the API part
 * (`demo-crm.ts`, background only) builds on it.
 *
 * URLs: Acme runs on a loopback address (127.0.0.1 or localhost) on any port (DEMO_PORT may move
 * it from 5174), so `matches()` claims only http loopback pages under Acme's own app paths
 * (`/leads`, `/leads/{id}`, `/campaigns`); `isCrmPage()` then checks the page's
 * `<meta name="crm" content="acme-demo">` marker, so another localhost app is not mistaken for it.
 */
import { readCrmId } from './page-guards';
import type { CrmPageAdapter, LeadAnchor } from './types';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
const APP_PATH = /^\/(?:leads(?:\/[^/]+)?|campaigns)\/?$/;

const ROW_SELECTOR = 'tr[data-lead-id]';
const ROW_ANCHOR_SELECTOR = 'td.lead-name .lead-cell-main';
const HEADER_SELECTOR = '[data-lead-header][data-lead-id]';
const HEADER_ANCHOR_SELECTOR = '.lead-title-row';
const USER_SELECTOR = '[data-current-user]';
const PAGE_MARKER_SELECTOR = 'meta[name="crm"][content="acme-demo"]';
/** The app's content area: the leads list and a lead's detail page both render into it. */
const CONTENT_SELECTOR = 'main#main';

/** Lead rows of a list page: `tr[data-lead-id]` with the badge anchor in the name cell. */
function findLeadRows(root: ParentNode): LeadAnchor[] {
  const anchors: LeadAnchor[] = [];
  for (const row of root.querySelectorAll(ROW_SELECTOR)) {
    const crmId = readCrmId(row.getAttribute('data-lead-id'));
    const anchor = row.querySelector(ROW_ANCHOR_SELECTOR) ?? row.querySelector('td.lead-name');
    if (crmId !== null && anchor) anchors.push({ crmId, anchor, row });
  }
  return anchors;
}

/** The lead header of a detail page: `[data-lead-header][data-lead-id]`, anchor `.lead-title-row`. */
function findDetailHeader(root: ParentNode): LeadAnchor | null {
  const header = root.querySelector(HEADER_SELECTOR);
  if (!header) return null;
  const crmId = readCrmId(header.getAttribute('data-lead-id'));
  if (crmId === null) return null;
  return { crmId, anchor: header.querySelector(HEADER_ANCHOR_SELECTOR) ?? header, row: header };
}

/** The user menu's `[data-current-user]` attributes joined (a change hint only, never trusted); null when absent. */
function userSignal(root: ParentNode): string | null {
  const el = root.querySelector(USER_SELECTOR);
  if (!el) return null;
  return ['data-user-id', 'data-user-name', 'data-user-role', 'data-org-id'].map((name) => el.getAttribute(name) ?? '').join('\n');
}

/** The Acme CRM (demo) page adapter (content script side). */
export const demoCrmPage: CrmPageAdapter = {
  id: 'demo-crm',
  label: 'Acme CRM (demo)',

  matches(url) {
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && APP_PATH.test(url.pathname);
  },

  isCrmPage(root) {
    return root.querySelector(PAGE_MARKER_SELECTOR) !== null;
  },

  crmKey(url) {
    const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
    return `demo@${host}:${url.port || '80'}`;
  },

  originOf(crmKey) {
    const m = /^demo@(127\.0\.0\.1|localhost):(\d{1,5})$/.exec(crmKey);
    return m ? `http://${m[1]}:${m[2]}` : undefined;
  },

  leadListContainer(root) {
    return root.querySelector(CONTENT_SELECTOR);
  },
  findLeadRows,
  findDetailHeader,
  userSignal,

  leadUrl(origin, crmId) {
    return `${origin}/leads/${encodeURIComponent(crmId)}`;
  },
};
