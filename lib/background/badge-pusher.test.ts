import { describe, expect, it, vi } from 'vitest';
import { createBadgePusher } from './badge-pusher';

describe('badge pusher', () => {
  it('pushes nothing while no tab shows leads, then only the shown changed leads, coalesced', async () => {
    vi.useFakeTimers();
    const push = vi.fn(async (_ids: string[]) => undefined);
    const badges = createBadgePusher(push, { delayMs: 100 });
    badges.changed(['a', 'b']);
    await vi.advanceTimersByTimeAsync(200);
    expect(push).not.toHaveBeenCalled();

    badges.shown(7, ['a', 'c']);
    badges.changed(['a', 'b']);
    badges.changed(['c']);
    await vi.advanceTimersByTimeAsync(200);
    expect(push.mock.calls).toEqual([[['a', 'c']]]);

    badges.forgetTab(7);
    badges.changed(['a']);
    await vi.advanceTimersByTimeAsync(200);
    expect(push).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
