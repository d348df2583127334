// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrmAdapter, LeadAnchor } from '../adapters/types';
import type { BadgeSegment } from '../messaging/protocol';
import { startBadgeController, type BadgeController } from './controller';
import { readableTextColor } from './render';

/** A minimal adapter over `<tr data-id><td class="name">…</td></tr>` rows. */
const tableAdapter = {
  findLeadRows(root: ParentNode): LeadAnchor[] {
    return [...root.querySelectorAll('tr[data-id]')].map((row) => ({
      crmId: (row as HTMLElement).dataset.id!,
      anchor: row.querySelector('.name')!,
      row,
    }));
  },
  findDetailHeader: () => null,
} as unknown as CrmAdapter;

const hot: BadgeSegment = { id: 's-hot', name: 'Hot', color: '#dc2626' };
const india: BadgeSegment = { id: 's-in', name: 'India', color: '#fde68a' };
const more = ['A', 'B', 'C'].map((n) => ({ id: `s-${n}`, name: n, color: '#334155' }));

function showRows(ids: string[]) {
  document.body.replaceChildren();
  const table = document.createElement('table');
  for (const id of ids) {
    const row = document.createElement('tr');
    row.dataset.id = id;
    const name = document.createElement('td');
    name.className = 'name';
    name.textContent = `Lead ${id}`;
    const status = document.createElement('select');
    for (const s of ['New', 'Converted']) status.append(new Option(s, s));
    const cell = document.createElement('td');
    cell.append(status);
    row.append(name, cell);
    table.append(row);
  }
  document.body.append(table);
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 40));
const hosts = () => [...document.querySelectorAll('crm-segment-badges')] as HTMLElement[];
const chipNames = (host: HTMLElement) => [...host.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent);

describe('badge controller', () => {
  let controller: BadgeController | undefined;
  afterEach(() => controller?.stop());

  function start(memberships: Record<string, BadgeSegment[]>, options: { trust?: (event: Event) => boolean } = {}) {
    const ports = {
      syncVisible: vi.fn(async (_ids: string[]) => undefined),
      getMemberships: vi.fn(async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, memberships[id] ?? []]))),
      openDetails: vi.fn(),
      ...(options.trust ? { isTrustedClick: options.trust } : {}),
    };
    controller = startBadgeController(tableAdapter, document, 'crm', ports);
    return ports;
  }

  it('mounts one host per row with up to three chips, then +N', async () => {
    showRows(['1', '2']);
    const ports = start({ 'crm/1': [hot, india], 'crm/2': [hot, ...more] });
    await flush();
    expect(hosts().map((h) => h.dataset.leadId)).toEqual(['crm/1', 'crm/2']);
    expect(chipNames(hosts()[0]!)).toEqual(['Hot', 'India']);
    expect(chipNames(hosts()[1]!)).toEqual(['Hot', 'A', 'B', '+1']);
    expect(hosts()[1]!.title).toBe('Segments: Hot, A, B, C');
    expect(hosts()[0]!.shadowRoot!.querySelector('[data-segment-id="s-hot"]')).not.toBeNull();
    expect(ports.syncVisible).toHaveBeenCalledWith(['1', '2']);
  });

  it('keeps exactly one host per row across re-renders and paging', async () => {
    showRows(['1', '2']);
    const ports = start({ 'crm/3': [india] });
    await flush();
    showRows(['3', '4', '5']);
    await flush();
    expect(hosts().map((h) => h.dataset.leadId)).toEqual(['crm/3', 'crm/4', 'crm/5']);
    expect(chipNames(hosts()[0]!)).toEqual(['India']);
    expect(ports.syncVisible).toHaveBeenLastCalledWith(['3', '4', '5']);
    // A row element reused for another lead loses its old host.
    (document.querySelector('tr[data-id="3"]') as HTMLElement).dataset.id = '9';
    controller!.scan();
    await flush();
    expect(hosts().map((h) => h.dataset.leadId)).toEqual(['crm/9', 'crm/4', 'crm/5']);
  });

  it('applies pushed memberships live and re-syncs an edited row', async () => {
    showRows(['1']);
    const ports = start({ 'crm/1': [] });
    await flush();
    expect(hosts()[0]!.hidden).toBe(true);
    controller!.applyMemberships({ 'crm/1': [hot] });
    expect(hosts()[0]!.hidden).toBe(false);
    expect(chipNames(hosts()[0]!)).toEqual(['Hot']);
    const select = document.querySelector('select')!;
    select.value = 'Converted';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(ports.syncVisible).toHaveBeenLastCalledWith(['1']);
  });

  it('re-syncs a lead whose row is re-rendered with new content', async () => {
    showRows(['1', '2']);
    const ports = start({});
    await flush();
    ports.syncVisible.mockClear();
    showRows(['1', '2']);
    await flush();
    expect(ports.syncVisible).not.toHaveBeenCalled();
    const row = document.querySelector('tr[data-id="2"]')!;
    const replacement = row.cloneNode(true) as HTMLElement;
    replacement.querySelector('.name')!.replaceChildren('Lead 2 (Converted)');
    row.replaceWith(replacement);
    await flush();
    expect(ports.syncVisible).toHaveBeenCalledWith(['2']);
  });

  it('opens details for the chip the user clicked', async () => {
    showRows(['1']);
    // jsdom cannot make a trusted event: mark this test's clicks as the user's.
    const userClicks = new WeakSet<Event>();
    const ports = start({ 'crm/1': [hot] }, { trust: (event) => userClicks.has(event) });
    await flush();
    const chip = hosts()[0]!.shadowRoot!.querySelector('[data-segment-id="s-hot"]') as HTMLElement;
    const click = new MouseEvent('click', { bubbles: true, composed: true });
    userClicks.add(click);
    chip.dispatchEvent(click);
    expect(ports.openDetails).toHaveBeenCalledWith('crm/1', 's-hot');
  });

  it('ignores a page script’s synthetic .click() on a chip (issue 9: no side panel without a user gesture)', async () => {
    showRows(['1']);
    const ports = start({ 'crm/1': [hot, india, ...more] });
    await flush();
    (hosts()[0]!.shadowRoot!.querySelector('[data-segment-id="s-hot"]') as HTMLElement).click();
    (hosts()[0]!.shadowRoot!.querySelector('.more') as HTMLElement).click();
    hosts()[0]!.shadowRoot!.querySelector('.chips')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(ports.openDetails).not.toHaveBeenCalled();
  });

  it('syncs a page with more than 500 lead rows in chunks the messages accept (issue 9 item 7)', async () => {
    const ids = Array.from({ length: 1203 }, (_, i) => String(i + 1));
    showRows(ids);
    const ports = start({ 'crm/1203': [hot] });
    await vi.waitFor(() => expect(ports.getMemberships.mock.calls.flat().flat()).toHaveLength(1203));
    const synced = ports.syncVisible.mock.calls.map(([chunk]) => chunk);
    expect(synced.map((chunk) => chunk.length)).toEqual([500, 500, 203]);
    expect(synced.flat()).toEqual(ids);
    expect(ports.getMemberships.mock.calls.every(([chunk]) => chunk.length <= 1000)).toBe(true);
    await vi.waitFor(() => expect(chipNames(hosts()[1202]!)).toEqual(['Hot']));
  });

  it('removes every host on stop', async () => {
    showRows(['1', '2']);
    start({});
    await flush();
    controller!.stop();
    controller = undefined;
    expect(hosts()).toHaveLength(0);
  });
});

describe('readableTextColor', () => {
  it('picks white on dark and near-black on light backgrounds', () => {
    expect(readableTextColor('#dc2626')).toBe('#ffffff');
    expect(readableTextColor('#1e3a8a')).toBe('#ffffff');
    expect(readableTextColor('#fde68a')).toBe('#0f172a');
    expect(readableTextColor('#ffffff')).toBe('#0f172a');
  });
});
