// @vitest-environment jsdom
/**
 * The adapter's page selectors against the demo CRM's real markup (list and detail pages saved
 * from Chromium by demo/tools/capture-fixtures.ts). A markup change in the demo fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCrmPage as adapter } from './demo-crm-page';

// jsdom gives modules an http: import.meta.url, so locate the fixtures by directory name.
const FIXTURES = join(import.meta.dirname, 'fixtures');
const page = (name: string): Document => new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');

describe('list page (saved HTML)', () => {
  const doc = page('demo-list.html');

  it('is recognised as Acme CRM by its page marker', () => {
    expect(adapter.isCrmPage(doc)).toBe(true);
    expect(adapter.isCrmPage(new DOMParser().parseFromString('<html><head><title>Leads</title></head><body><table><tr data-lead-id="1"></tr></table></body></html>', 'text/html'))).toBe(false);
  });

  it('finds every lead row in page order, anchored beside the name', () => {
    const rows = adapter.findLeadRows(doc);
    expect(rows.map((r) => r.crmId)).toEqual(['660737', '660728', '660727', '660719', '660681']);
    for (const { anchor, row, crmId } of rows) {
      expect(row.tagName).toBe('TR');
      expect(row.getAttribute('data-lead-id')).toBe(crmId);
      expect(anchor.closest('td')?.classList.contains('lead-name')).toBe(true);
      expect(anchor.querySelector('a.lead-link')?.getAttribute('href')).toBe(`/leads/${crmId}`);
    }
    expect(adapter.findDetailHeader(doc)).toBeNull();
  });

  it('keeps finding rows after badge hosts were appended to them', () => {
    for (const { anchor, crmId } of adapter.findLeadRows(doc)) {
      const host = doc.createElement('crm-segment-badges');
      host.setAttribute('data-lead-id', `demo@127.0.0.1:5174/${crmId}`);
      anchor.append(host);
    }
    const again = adapter.findLeadRows(doc);
    expect(again).toHaveLength(5);
    expect(again.every((r) => r.anchor.lastElementChild?.localName === 'crm-segment-badges')).toBe(true);
  });

  it('signals a possible user change from the user menu, without claiming an identity', () => {
    const copy = page('demo-list.html');
    const before = adapter.userSignal(copy);
    expect(before).toBe('u-olivia\nOlivia Bennett\nowner\norg-acme');
    copy.querySelector('[data-current-user]')?.setAttribute('data-user-id', 'u-priya');
    expect(adapter.userSignal(copy)).not.toBe(before);
    copy.querySelector('[data-current-user]')?.remove();
    expect(adapter.userSignal(copy)).toBeNull();
  });

  it('names the content area that holds the rows as the container to watch', () => {
    const container = adapter.leadListContainer(doc);
    expect(container?.localName).toBe('main');
    expect(container?.querySelectorAll('tr[data-lead-id]')).toHaveLength(5);
    expect(container?.contains(doc.querySelector('[data-current-user]'))).toBe(false);
  });

  it('ignores a row without an id', () => {
    const copy = page('demo-list.html');
    copy.querySelector('tr[data-lead-id]')?.setAttribute('data-lead-id', '');
    expect(adapter.findLeadRows(copy).map((r) => r.crmId)).toEqual(['660728', '660727', '660719', '660681']);
  });
});

describe('detail page (saved HTML)', () => {
  const doc = page('demo-detail.html');

  it('finds the lead header, anchored on the title row', () => {
    expect(adapter.isCrmPage(doc)).toBe(true);
    const header = adapter.findDetailHeader(doc);
    expect(header?.crmId).toBe('658278');
    expect(header?.anchor.classList.contains('lead-title-row')).toBe(true);
    expect(header?.anchor.querySelector('h1.lead-title')?.textContent).toMatch(/^\S+ \S+$/);
    expect(header?.row.hasAttribute('data-lead-header')).toBe(true);
    expect(adapter.findLeadRows(doc)).toEqual([]);
    expect(adapter.leadListContainer(doc)?.contains(header?.row ?? null)).toBe(true);
  });

  it('shows the lead\'s values as text, including the double-spaced tag', () => {
    const header = adapter.findDetailHeader(doc);
    expect(header?.row.querySelector('select.status-select')?.getAttribute('data-status')).toBe('Contacted');
    expect([...doc.querySelectorAll('.lead-header .tag')].map((t) => t.textContent)).toEqual(['Interested  in full time MBA']);
  });

  it('signals the signed-in user menu', () => {
    expect(adapter.userSignal(doc)).toContain('owner');
  });
});
