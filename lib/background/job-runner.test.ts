import { describe, expect, it } from 'vitest';
import { createJobRunner } from './job-runner';
import { ensureScheduleAlarm, SCHEDULE_ALARM } from './alarms';

describe('createJobRunner', () => {
  it('runs queued jobs one at a time, including jobs queued while draining', async () => {
    const queue = ['a', 'b'];
    const order: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const runner = createJobRunner(
      async () => queue[0],
      async (id) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await Promise.resolve(); // yield mid-job, so a concurrent run would show in maxRunning
        order.push(id);
        queue.shift();
        if (id === 'a') {
          queue.push('c');
          runner.kick();
        }
        running--;
      },
      () => undefined,
    );
    runner.kick();
    runner.kick();
    await runner.idle();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(maxRunning).toBe(1);
  });

  it('reports a failing job and does not spin on it', async () => {
    const errors: string[] = [];
    let calls = 0;
    const runner = createJobRunner(
      async () => 'broken',
      async () => {
        calls++;
        throw new Error('boom');
      },
      (id, error) => errors.push(`${id}: ${(error as Error).message}`),
    );
    runner.kick();
    await runner.idle();
    expect(calls).toBe(1);
    expect(errors).toEqual(['broken: boom']);
  });
});

describe('ensureScheduleAlarm', () => {
  it('creates the alarm only when missing', async () => {
    const created: unknown[] = [];
    const alarms = new Map<string, { name: string; periodInMinutes?: number }>();
    const port = {
      get: async (name: string) => alarms.get(name),
      create: (name: string, info: { periodInMinutes: number }) => {
        created.push([name, info.periodInMinutes]);
        alarms.set(name, { name, periodInMinutes: info.periodInMinutes });
      },
    };
    expect(await ensureScheduleAlarm(port)).toBe(true);
    expect(await ensureScheduleAlarm(port)).toBe(false);
    expect(created).toEqual([[SCHEDULE_ALARM, 15]]);
  });
});
