import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BadgeSegment } from '../messaging/protocol';
import { createBadgePusher, type MembershipChanges } from './badge-pusher';

const chip = (id: string): BadgeSegment => ({ id, name: `Segment ${id}`, color: '#2563eb' });

/** Ports that record what was read, resolved and sent to which tab. */
function recordingPorts() {
  const sent: Array<[number, Record<string, BadgeSegment[]>]> = [];
  const read = vi.fn(async (leadIds: string[]) => Object.fromEntries(leadIds.map((id) => [id, [chip('read')]])));
  const chips = vi.fn(async (memberships: MembershipChanges) =>
    Object.fromEntries(Object.entries(memberships).map(([id, segmentIds]) => [id, segmentIds.map(chip)])),
  );
  const send = vi.fn(async (tabId: number, memberships: Record<string, BadgeSegment[]>) => void sent.push([tabId, memberships]));
  return { ports: { read, chips, send }, sent, read, chips, send };
}

describe('badge pusher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pushes nothing while no tab shows leads, then only the shown changed leads, coalesced', async () => {
    const { ports, sent, read } = recordingPorts();
    const badges = createBadgePusher(ports, { delayMs: 100 });
    badges.changed(['a', 'b']);
    await vi.advanceTimersByTimeAsync(200);
    expect(read).not.toHaveBeenCalled();

    badges.shown(7, ['a', 'c']);
    badges.changed(['a', 'b']);
    badges.changed(['c']);
    await vi.advanceTimersByTimeAsync(200);
    expect(read.mock.calls).toEqual([[['a', 'c']]]);
    expect(sent).toEqual([[7, { a: [chip('read')], c: [chip('read')] }]]);

    badges.forgetTab(7);
    badges.changed(['a']);
    await vi.advanceTimersByTimeAsync(200);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('pushes an ingest\'s own difference without reading memberships, to exactly the tabs that show each lead', async () => {
    const { ports, sent, read, chips } = recordingPorts();
    const badges = createBadgePusher(ports, { delayMs: 100 });
    badges.shown(1, ['crm-a/1', 'crm-a/2']);
    badges.shown(2, ['crm-b/9']);
    badges.changedTo({ 'crm-a/1': ['s1', 's2'], 'crm-a/3': ['s1'] });
    await vi.advanceTimersByTimeAsync(150);
    expect(read).not.toHaveBeenCalled();
    expect(chips.mock.calls).toEqual([[{ 'crm-a/1': ['s1', 's2'] }]]);
    expect(sent).toEqual([[1, { 'crm-a/1': [chip('s1'), chip('s2')] }]]);
  });

  it('keeps the later change of a lead and forgets a tab that cannot be reached', async () => {
    const { ports, sent, send } = recordingPorts();
    const badges = createBadgePusher(ports, { delayMs: 100 });
    badges.shown(1, ['x']);
    badges.shown(2, ['x']);
    badges.changed(['x']);
    badges.changedTo({ x: [] });
    send.mockImplementationOnce(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([[2, { x: [] }]]);
    badges.changedTo({ x: ['s1'] });
    await vi.advanceTimersByTimeAsync(150);
    expect(sent.slice(1)).toEqual([[2, { x: [chip('s1')] }]]);
  });
});
