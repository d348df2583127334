// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrmPageAdapter, LeadAnchor } from '../adapters/types';
import type { BadgeSegment } from '../messaging/protocol';
import { EDIT_RESYNC_DELAY_MS, startBadgeController, type BadgeController } from './controller';
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
  leadListContainer: (root: ParentNode) => root.querySelector('#leads'),
} as unknown as CrmPageAdapter;

const hot: BadgeSegment = { id: 's-hot', name: 'Hot', color: '#dc2626' };
const india: BadgeSegment = { id: 's-in', name: 'India', color: '#fde68a' };
const more = ['A', 'B', 'C'].map((n) => ({ id: `s-${n}`, name: n, color: '#334155' }));

/** A row for lead `id`: its name cell and a status <select>. */
function leadRow(id: string, name = `Lead ${id}`): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.id = id;
  const nameCell = document.createElement('td');
  nameCell.className = 'name';
  nameCell.textContent = name;
  const status = document.createElement('select');
  for (const s of ['New', 'Converted']) status.append(new Option(s, s));
  const cell = document.createElement('td');
  cell.append(status);
  row.append(nameCell, cell);
  return row;
}

/** Shows `ids` as the rows of the lead list container (`#leads`, created once per page). */
function showRows(ids: string[]) {
  let container = document.getElementById('leads');
  if (!container) {
    document.body.replaceChildren();
    container = document.createElement('div');
    container.id = 'leads';
    document.body.append(container);
  }
  const table = document.createElement('table');
  for (const id of ids) table.append(leadRow(id));
  container.replaceChildren(table);
}

const hosts = () => [...document.querySelectorAll('crm-segment-badges')] as HTMLElement[];
const chipNames = (host: HTMLElement) => [...host.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent);
/** Lets scans (one per frame), port answers and timers run: fake time, never a real wait. */
const settle = (ms = 20) => vi.advanceTimersByTimeAsync(ms);

describe('badge controller', () => {
  let controller: BadgeController | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    controller?.stop();
    controller = undefined;
    vi.useRealTimers();
  });

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

  it('mounts one host per row with up to three chips, then +N: from the store first, then syncs', async () => {
    showRows(['1', '2']);
    const ports = start({ 'crm/1': [hot, india], 'crm/2': [hot, ...more] });
    await settle();
    expect(hosts().map((h) => h.dataset.leadId)).toEqual(['crm/1', 'crm/2']);
    expect(chipNames(hosts()[0]!)).toEqual(['Hot', 'India']);
    expect(chipNames(hosts()[1]!)).toEqual(['Hot', 'A', 'B', '+1']);
    expect(hosts()[1]!.title).toBe('Segments: Hot, A, B, C');
    expect(hosts()[0]!.shadowRoot!.querySelector('[data-segment-id="s-hot"]')).not.toBeNull();
    expect(ports.getMemberships.mock.calls).toEqual([[['crm/1', 'crm/2']]]);
    expect(ports.syncVisible.mock.calls).toEqual([[['1', '2']]]);
    expect(ports.getMemberships.mock.invocationCallOrder[0]).toBeLessThan(ports.syncVisible.mock.invocationCallOrder[0]!);
    expect(hosts().map((h) => h.dataset.renders)).toEqual(['1', '1']);
  });

  it('keeps exactly one host per row across re-renders and paging', async () => {
    showRows(['1', '2']);
    const ports = start({ 'crm/3': [india] });
    await settle();
    showRows(['3', '4', '5']);
    await settle();
    expect(hosts().map((h) => h.dataset.leadId)).toEqual(['crm/3', 'crm/4', 'crm/5']);
    expect(chipNames(hosts()[0]!)).toEqual(['India']);
    expect(ports.syncVisible).toHaveBeenLastCalledWith(['3', '4', '5']);
    // A row element reused for another lead loses its old host.
    (document.querySelector('tr[data-id="3"]') as HTMLElement).dataset.id = '9';
    controller!.scan();
    await settle();
    expect(hosts().map((h) => h.dataset.leadId)).toEqual(['crm/9', 'crm/4', 'crm/5']);
  });

  it('renders a pushed change once, and not at all when the chips did not change', async () => {
    showRows(['1', '2']);
    start({ 'crm/1': [], 'crm/2': [india] });
    await settle();
    const [first, second] = hosts();
    expect(first!.hidden).toBe(true);
    expect(first!.dataset.renders).toBe('1');
    controller!.applyMemberships({ 'crm/1': [hot], 'crm/2': [india] });
    expect(first!.hidden).toBe(false);
    expect(chipNames(first!)).toEqual(['Hot']);
    expect(first!.dataset.renders).toBe('2');
    expect(second!.dataset.renders).toBe('1');
    controller!.applyMemberships({ 'crm/1': [hot] });
    expect(first!.dataset.renders).toBe('2');
  });

  it('re-fetches an edited lead once, after the CRM re-rendered its row, and keeps its host without re-rendering it', async () => {
    showRows(['1', '2']);
    const ports = start({ 'crm/1': [hot] });
    await settle();
    const host = hosts()[0]!;
    ports.syncVisible.mockClear();
    ports.getMemberships.mockClear();
    // The user picks a status: the CRM disables the control while it saves, then renders a fresh row.
    const select = document.querySelector('tr[data-id="1"] select') as HTMLSelectElement;
    select.value = 'Converted';
    select.disabled = true;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(200);
    expect(ports.syncVisible).not.toHaveBeenCalled();
    const fresh = leadRow('1');
    fresh.querySelector('select')!.value = 'Converted';
    document.querySelector('tr[data-id="1"]')!.replaceWith(fresh);
    await settle(EDIT_RESYNC_DELAY_MS - 50);
    expect(ports.syncVisible).not.toHaveBeenCalled();
    await settle(100);
    expect(ports.syncVisible.mock.calls).toEqual([[['1']]]);
    expect(ports.getMemberships).not.toHaveBeenCalled();
    expect(hosts()).toEqual([host, hosts()[1]]);
    expect(fresh.contains(host)).toBe(true);
    expect(host.dataset.renders).toBe('1');
    await settle(1000);
    expect(ports.syncVisible).toHaveBeenCalledTimes(1);
  });

  it('re-syncs a lead whose row is re-rendered with new content, not one re-rendered unchanged', async () => {
    showRows(['1', '2']);
    const ports = start({});
    await settle();
    ports.syncVisible.mockClear();
    showRows(['1', '2']);
    await settle(EDIT_RESYNC_DELAY_MS + 50);
    expect(ports.syncVisible).not.toHaveBeenCalled();
    const row = document.querySelector('tr[data-id="2"]')!;
    row.replaceWith(leadRow('2', 'Lead 2 (Converted)'));
    await settle(EDIT_RESYNC_DELAY_MS + 50);
    expect(ports.syncVisible.mock.calls).toEqual([[['2']]]);
  });

  it('watches the lead list container only, and the document until the page has one', async () => {
    document.body.replaceChildren();
    const ports = start({});
    const outside = document.createElement('table');
    outside.append(leadRow('7'));
    document.body.append(outside);
    await settle();
    expect(ports.syncVisible.mock.calls).toEqual([[['7']]]);
    showRows(['1']);
    await settle();
    expect(ports.syncVisible).toHaveBeenLastCalledWith(['1']);
    // Now only #leads is watched: a change elsewhere in the page does not scan.
    outside.querySelector('.name')!.textContent = 'Renamed outside the list';
    document.body.append(outside);
    await settle(EDIT_RESYNC_DELAY_MS + 50);
    expect(ports.syncVisible).toHaveBeenCalledTimes(2);
  });

  it('opens details for the chip the user clicked', async () => {
    showRows(['1']);
    // jsdom cannot make a trusted event: mark this test's clicks as the user's.
    const userClicks = new WeakSet<Event>();
    const ports = start({ 'crm/1': [hot] }, { trust: (event) => userClicks.has(event) });
    await settle();
    const chip = hosts()[0]!.shadowRoot!.querySelector('[data-segment-id="s-hot"]') as HTMLElement;
    const click = new MouseEvent('click', { bubbles: true, composed: true });
    userClicks.add(click);
    chip.dispatchEvent(click);
    expect(ports.openDetails).toHaveBeenCalledWith('crm/1', 's-hot');
  });

  it('ignores a page script’s synthetic .click() on a chip (issue 9: no side panel without a user gesture)', async () => {
    showRows(['1']);
    const ports = start({ 'crm/1': [hot, india, ...more] });
    await settle();
    (hosts()[0]!.shadowRoot!.querySelector('[data-segment-id="s-hot"]') as HTMLElement).click();
    (hosts()[0]!.shadowRoot!.querySelector('.more') as HTMLElement).click();
    hosts()[0]!.shadowRoot!.querySelector('.chips')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(ports.openDetails).not.toHaveBeenCalled();
  });

  it('syncs a page with more than 500 lead rows in chunks the messages accept (issue 9 item 7)', async () => {
    const ids = Array.from({ length: 1203 }, (_, i) => String(i + 1));
    showRows(ids);
    const ports = start({ 'crm/1203': [hot] });
    await settle();
    expect(ports.getMemberships.mock.calls.flat().flat()).toHaveLength(1203);
    const synced = ports.syncVisible.mock.calls.map(([chunk]) => chunk);
    expect(synced.map((chunk) => chunk.length)).toEqual([500, 500, 203]);
    expect(synced.flat()).toEqual(ids);
    expect(ports.getMemberships.mock.calls.every(([chunk]) => chunk.length <= 1000)).toBe(true);
    expect(chipNames(hosts()[1202]!)).toEqual(['Hot']);
  });

  it('removes every host on stop', async () => {
    showRows(['1', '2']);
    start({});
    await settle();
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
