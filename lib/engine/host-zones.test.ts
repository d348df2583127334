/**
 * Exact dates on every machine (docs/semantics.md §3 rule 6, issue 9 item 13): calendar days and relative
 * windows are computed in the evaluation time zone only, whatever the host's own zone. Each case
 * runs with the host (process) zone switched to the one the bug was seen with; `npm test` also
 * runs the whole engine suite under several host zones. Expected instants are worked out by hand
 * from the tz database (comments give the wall clocks).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dayInTimeZone, instantOfWallClock } from './calendar';
import { makeLead, testContext } from './fixtures';
import { compileRules } from './index';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

/** Switches the host zone (Node re-reads TZ on assignment), checking that it took effect. */
function hostZone(timeZone: string): void {
  process.env.TZ = timeZone;
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timeZone);
}

const iso = (s: string) => Date.parse(s);

/** The half-open instant range [from, to) matched by `on day` in `timeZone`, probed at its edges. */
function expectDay(timeZone: string, day: string, from: string, to: string): void {
  const rules = { combinator: 'and' as const, rules: [{ field: 'createdAt', operator: 'on', value: day }] };
  const on = compileRules(rules, testContext(timeZone));
  const at = (t: number) => on(makeLead({ createdAt: t }));
  expect([at(iso(from) - 1), at(iso(from)), at(iso(to) - 1), at(iso(to))], `${day} in ${timeZone}`).toEqual([false, true, true, false]);
}

/** The first instant matched by `in_last amount unit` in `timeZone` at `now` is exactly `from`. */
function expectWindowStart(timeZone: string, now: string, amount: number, unit: string, from: string): void {
  const rules = { combinator: 'and' as const, rules: [{ field: 'createdAt', operator: 'in_last', value: { amount, unit } }] };
  const inLast = compileRules(rules, testContext(timeZone, iso(now)));
  const at = (t: number) => inLast(makeLead({ createdAt: t }));
  expect([at(iso(from) - 1), at(iso(from))], `${now} − ${amount} ${unit} in ${timeZone}`).toEqual([false, true]);
}

/** The last instant matched by `in_next amount unit` in `timeZone` at `now` is exactly `until`. */
function expectWindowEnd(timeZone: string, now: string, amount: number, unit: string, until: string): void {
  const rules = { combinator: 'and' as const, rules: [{ field: 'createdAt', operator: 'in_next', value: { amount, unit } }] };
  const inNext = compileRules(rules, testContext(timeZone, iso(now)));
  const at = (t: number) => inNext(makeLead({ createdAt: t }));
  expect([at(iso(until)), at(iso(until) + 1)], `${now} + ${amount} ${unit} in ${timeZone}`).toEqual([true, false]);
}

describe('browser Asia/Beirut evaluating Europe/London', () => {
  it('the 23-hour day 2026-03-29 starts at 00:00 GMT and ends at 00:00 BST', () => {
    hostZone('Asia/Beirut');
    expectDay('Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z');
  });
  it('the 25-hour day 2026-10-25 starts at 00:00 BST and ends at 00:00 GMT', () => {
    hostZone('Asia/Beirut');
    expectDay('Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z');
  });
  it('one day back from 13:00 BST on 03-29 is 13:00 GMT on 03-28', () => {
    hostZone('Asia/Beirut');
    expectWindowStart('Europe/London', '2026-03-29T12:00:00Z', 1, 'days', '2026-03-28T13:00:00Z');
  });
  it('one day back from 00:00 BST on 03-30 is 00:00 GMT on 03-29, not an hour later', () => {
    hostZone('Asia/Beirut');
    expectWindowStart('Europe/London', '2026-03-29T23:00:00Z', 1, 'days', '2026-03-29T00:00:00Z');
    expectWindowStart('Europe/London', '2026-04-28T23:00:00Z', 1, 'months', '2026-03-29T00:00:00Z');
  });
});

describe('browser America/Santiago evaluating Australia/Sydney', () => {
  it('2026-04-05 (clocks back) starts at 00:00 AEDT and lasts 25 hours', () => {
    hostZone('America/Santiago');
    expectDay('Australia/Sydney', '2026-04-05', '2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z');
  });
  it('2026-10-04 (clocks forward) starts at 00:00 AEST and lasts 23 hours', () => {
    hostZone('America/Santiago');
    expectDay('Australia/Sydney', '2026-10-04', '2026-10-03T14:00:00Z', '2026-10-04T13:00:00Z');
  });
  it('one day back from 22:00 AEST on 04-05 is 22:00 AEDT on 04-04', () => {
    hostZone('America/Santiago');
    expectWindowStart('Australia/Sydney', '2026-04-05T12:00:00Z', 1, 'days', '2026-04-04T11:00:00Z');
  });
  it('one day on from 00:00 AEDT on 04-04 is 00:00 AEDT on 04-05, not an hour later', () => {
    hostZone('America/Santiago');
    expectWindowEnd('Australia/Sydney', '2026-04-03T13:00:00Z', 1, 'days', '2026-04-04T13:00:00Z');
  });
});

describe('browser Europe/Berlin evaluating Europe/London and Africa/Cairo', () => {
  it('London days across both DST changes', () => {
    hostZone('Europe/Berlin');
    expectDay('Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z');
    expectDay('Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z');
  });
  it('Cairo 2026-04-24 has no midnight: it starts at 01:00 EEST', () => {
    hostZone('Europe/Berlin');
    expectDay('Africa/Cairo', '2026-04-24', '2026-04-23T22:00:00Z', '2026-04-24T21:00:00Z');
  });
  it('Cairo 2026-10-29 (clocks back at 24:00 EEST to 23:00 EET) lasts 25 hours', () => {
    hostZone('Europe/Berlin');
    expectDay('Africa/Cairo', '2026-10-29', '2026-10-28T21:00:00Z', '2026-10-29T22:00:00Z');
  });
  it('Cairo: 23:30 on 2026-10-29 occurs twice; one day back from 23:30 EET on 10-30 is the earlier one', () => {
    hostZone('Europe/Berlin');
    expectWindowStart('Africa/Cairo', '2026-10-30T21:30:00Z', 1, 'days', '2026-10-29T20:30:00Z');
  });
  it('a repeated wall time is its earlier instant: 2026-10-26 01:30 GMT − 1 day = 01:30 BST', () => {
    hostZone('Europe/Berlin');
    expectWindowStart('Europe/London', '2026-10-26T01:30:00Z', 1, 'days', '2026-10-25T00:30:00Z');
  });
  it('a skipped wall time moves forward by the gap: 2026-03-30 01:30 BST − 1 day = 02:30 BST', () => {
    hostZone('Europe/Berlin');
    expectWindowStart('Europe/London', '2026-03-30T00:30:00Z', 1, 'days', '2026-03-29T01:30:00Z');
  });
  it('one day back from 02:00 GMT on 10-26 is 02:00 GMT on 10-25, not an hour earlier', () => {
    hostZone('Europe/Berlin');
    expectWindowStart('Europe/London', '2026-10-26T02:00:00Z', 1, 'days', '2026-10-25T02:00:00Z');
    expectWindowStart('Europe/London', '2026-11-25T02:00:00Z', 1, 'months', '2026-10-25T02:00:00Z');
  });
});

describe('browser America/New_York evaluating America/Havana', () => {
  it('2026-03-08 has no midnight: it starts at 01:00 CDT', () => {
    hostZone('America/New_York');
    expectDay('America/Havana', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z');
  });
  it('2026-11-01: midnight occurs twice, the day starts at 00:00 CDT and lasts 25 hours', () => {
    hostZone('America/New_York');
    expectDay('America/Havana', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z');
  });
  it('one day back from 13:00 CDT on 03-08 is 13:00 CST on 03-07', () => {
    hostZone('America/New_York');
    expectWindowStart('America/Havana', '2026-03-08T17:00:00Z', 1, 'days', '2026-03-07T18:00:00Z');
  });
  it('one day / one month back to 02:00 CDT on 03-08 is 06:00Z, not an hour later', () => {
    hostZone('America/New_York');
    expectWindowStart('America/Havana', '2026-03-09T06:00:00Z', 1, 'days', '2026-03-08T06:00:00Z');
    expectWindowStart('America/Havana', '2026-04-08T06:00:00Z', 1, 'months', '2026-03-08T06:00:00Z');
  });
});

describe('offsets that are not whole minutes, and a 15-minute jump', () => {
  it('Africa/Monrovia before 1972 is −00:44:30: 1970-01-01 starts at 00:44:30Z', () => {
    hostZone('UTC');
    expectDay('Africa/Monrovia', '1970-01-01', '1970-01-01T00:44:30Z', '1970-01-02T00:44:30Z');
  });
  it('Europe/Dublin before 1916 is −00:25:21: 1900-01-01 starts at 00:25:21Z', () => {
    hostZone('Asia/Tokyo');
    expectDay('Europe/Dublin', '1900-01-01', '1900-01-01T00:25:21Z', '1900-01-02T00:25:21Z');
  });
  it('Asia/Kathmandu 1986-01-01 starts at 00:15 +05:45 (00:00 +05:30), not 15 minutes early', () => {
    hostZone('America/New_York');
    expectDay('Asia/Kathmandu', '1985-12-31', '1985-12-30T18:30:00Z', '1985-12-31T18:30:00Z');
    expectDay('Asia/Kathmandu', '1986-01-01', '1985-12-31T18:30:00Z', '1986-01-01T18:15:00Z');
  });
});

describe('history day keys use the same calendar', () => {
  it('the day of an instant in the evaluation zone, whatever the host zone', () => {
    for (const host of ['UTC', 'Asia/Beirut', 'America/Santiago', 'Pacific/Kiritimati']) {
      hostZone(host);
      expect(dayInTimeZone(iso('1970-01-01T00:44:29Z'), 'Africa/Monrovia')).toBe('1969-12-31');
      expect(dayInTimeZone(iso('1970-01-01T00:44:30Z'), 'Africa/Monrovia')).toBe('1970-01-01');
      expect(dayInTimeZone(iso('2026-11-01T04:00:00Z'), 'America/Havana')).toBe('2026-11-01');
      expect(dayInTimeZone(iso('2026-11-01T03:59:59.999Z'), 'America/Havana')).toBe('2026-10-31');
      expect(dayInTimeZone(iso('2026-03-29T23:00:00Z'), 'Europe/London')).toBe('2026-03-30');
    }
  });
});

describe('wall-clock readings (e.g. imported dates) use the same calendar', () => {
  it('earlier instant for a repeated time, forward for a skipped one, sub-minute offsets exact', () => {
    for (const host of ['UTC', 'Europe/Berlin', 'America/New_York']) {
      hostZone(host);
      expect(instantOfWallClock({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/London')).toBe(iso('2026-10-25T00:30:00Z'));
      expect(instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/London')).toBe(iso('2026-03-29T01:30:00Z'));
      expect(instantOfWallClock({ year: 1960, month: 6, day: 15 }, 'Africa/Monrovia')).toBe(iso('1960-06-15T00:44:30Z'));
      expect(instantOfWallClock({ year: 2026, month: 11, day: 1 }, 'America/Havana')).toBe(iso('2026-11-01T04:00:00Z'));
    }
  });
  it('an impossible date is a RangeError, not a neighbouring day', () => {
    expect(() => instantOfWallClock({ year: 2026, month: 2, day: 30 }, 'UTC')).toThrow(RangeError);
  });
});
