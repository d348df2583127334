import { describe, expect, it } from 'vitest';
import { makeLead, testContext } from './fixtures';
import { compileRules } from './index';

/** Result of one date rule on `lastContactAt = t` in `timeZone` at `now`. */
function dateRule(timeZone: string, now: number, operator: string, value: unknown) {
  const predicate = compileRules({ combinator: 'and', rules: [{ field: 'lastContactAt', operator, value }] }, testContext(timeZone, now));
  return (t: number) => predicate(makeLead({ lastContactAt: t }));
}

const iso = (s: string) => Date.parse(s);
const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';

describe('calendar days in America/New_York around the 23-hour DST day (2026-03-08)', () => {
  // 2026-03-08 starts 00:00 EST = 05:00Z and ends at 00:00 EDT on 03-09 = 04:00Z (23 hours).
  const dayStart = iso('2026-03-08T05:00:00Z');
  const nextDayStart = iso('2026-03-09T04:00:00Z');
  const now = iso('2026-03-20T12:00:00Z');

  it('on: exactly the 23 hours of the day', () => {
    const on = dateRule(NY, now, 'on', '2026-03-08');
    expect(on(dayStart - 1)).toBe(false);
    expect(on(dayStart)).toBe(true);
    expect(on(iso('2026-03-08T06:59:59.999Z'))).toBe(true); // 01:59:59.999 EST
    expect(on(iso('2026-03-08T07:00:00Z'))).toBe(true); // 03:00 EDT
    expect(on(nextDayStart - 1)).toBe(true);
    expect(on(nextDayStart)).toBe(false);
  });

  it('not_on is the complement of on, and true on empty', () => {
    const notOn = dateRule(NY, now, 'not_on', '2026-03-08');
    expect(notOn(dayStart - 1)).toBe(true);
    expect(notOn(dayStart)).toBe(false);
    expect(notOn(nextDayStart)).toBe(true);
    expect(compileRules({ combinator: 'and', rules: [{ field: 'lastContactAt', operator: 'not_on', value: '2026-03-08' }] }, testContext(NY, now))(makeLead())).toBe(true);
  });

  it('before / after use the start of the day and of the next day', () => {
    const before = dateRule(NY, now, 'before', '2026-03-08');
    expect(before(dayStart - 1)).toBe(true);
    expect(before(dayStart)).toBe(false);
    const after = dateRule(NY, now, 'after', '2026-03-08');
    expect(after(nextDayStart - 1)).toBe(false);
    expect(after(nextDayStart)).toBe(true);
  });

  it('between covers whole days across the DST change', () => {
    const between = dateRule(NY, now, 'between', ['2026-03-07', '2026-03-08']);
    expect(between(iso('2026-03-07T05:00:00Z') - 1)).toBe(false);
    expect(between(iso('2026-03-07T05:00:00Z'))).toBe(true);
    expect(between(nextDayStart - 1)).toBe(true);
    expect(between(nextDayStart)).toBe(false);
  });

  it('the 25-hour day (2026-11-01) ends at 05:00Z', () => {
    const on = dateRule(NY, now, 'on', '2026-11-01');
    expect(on(iso('2026-11-01T04:00:00Z'))).toBe(true);
    expect(on(iso('2026-11-02T04:59:59.999Z'))).toBe(true);
    expect(on(iso('2026-11-02T05:00:00Z'))).toBe(false);
  });

  it('relative days keep the wall-clock time across DST: "in the last 1 day" spans 23 hours', () => {
    // now = 2026-03-08 12:00 EDT (16:00Z); one calendar day back = 2026-03-07 12:00 EST (17:00Z).
    const inLast = dateRule(NY, iso('2026-03-08T16:00:00Z'), 'in_last', { amount: 1, unit: 'days' });
    expect(inLast(iso('2026-03-07T17:00:00Z'))).toBe(true);
    expect(inLast(iso('2026-03-07T16:59:59.999Z'))).toBe(false); // within 24 h, but before 12:00 the day before
    const moreThanAgo = dateRule(NY, iso('2026-03-08T16:00:00Z'), 'more_than_ago', { amount: 1, unit: 'days' });
    expect(moreThanAgo(iso('2026-03-07T16:59:59.999Z'))).toBe(true);
    expect(moreThanAgo(iso('2026-03-07T17:00:00Z'))).toBe(false);
  });

  it('the same instant is on different days in different zones', () => {
    const t = iso('2026-03-08T03:00:00Z'); // 2026-03-07 22:00 in New York, 2026-03-08 08:30 in Kolkata
    expect(dateRule(NY, now, 'on', '2026-03-07')(t)).toBe(true);
    expect(dateRule(KOLKATA, now, 'on', '2026-03-08')(t)).toBe(true);
    expect(dateRule(KOLKATA, now, 'on', '2026-03-07')(t)).toBe(false);
  });
});

describe('calendar days in Asia/Kolkata (UTC+05:30)', () => {
  const now = iso('2026-03-31T10:00:00Z');
  it('a day starts at 18:30Z the evening before', () => {
    const on = dateRule(KOLKATA, now, 'on', '2026-03-08');
    expect(on(iso('2026-03-07T18:29:59.999Z'))).toBe(false);
    expect(on(iso('2026-03-07T18:30:00Z'))).toBe(true);
    expect(on(iso('2026-03-08T18:29:59.999Z'))).toBe(true);
    expect(on(iso('2026-03-08T18:30:00Z'))).toBe(false);
  });
});

describe('month arithmetic clamps to the end of the month', () => {
  it('now = 2026-03-31: "in the last 1 month" starts 2026-02-28 at the same time', () => {
    const now = iso('2026-03-31T10:00:00Z'); // 15:30 in Kolkata
    const inLast = dateRule(KOLKATA, now, 'in_last', { amount: 1, unit: 'months' });
    expect(inLast(iso('2026-02-28T10:00:00Z'))).toBe(true);
    expect(inLast(iso('2026-02-28T10:00:00Z') - 1)).toBe(false);
    expect(inLast(now)).toBe(true);
    expect(inLast(now + 1)).toBe(false);
    const moreThanAgo = dateRule(KOLKATA, now, 'more_than_ago', { amount: 1, unit: 'months' });
    expect(moreThanAgo(iso('2026-02-28T10:00:00Z') - 1)).toBe(true);
    expect(moreThanAgo(iso('2026-02-28T10:00:00Z'))).toBe(false);
  });

  it('now = 2026-01-31: "in the next 1 month" ends 2026-02-28 at the same time', () => {
    const now = iso('2026-01-31T17:00:00Z'); // 12:00 EST
    const inNext = dateRule(NY, now, 'in_next', { amount: 1, unit: 'months' });
    expect(inNext(iso('2026-02-28T17:00:00Z'))).toBe(true);
    expect(inNext(iso('2026-02-28T17:00:00Z') + 1)).toBe(false);
    expect(inNext(now - 1)).toBe(false);
  });

  it('now = 2026-01-31: "in the last 2 months" starts 2025-11-30 (November has 30 days)', () => {
    const now = iso('2026-01-31T17:00:00Z');
    const inLast = dateRule(NY, now, 'in_last', { amount: 2, unit: 'months' });
    expect(inLast(iso('2025-11-30T17:00:00Z'))).toBe(true);
    expect(inLast(iso('2025-11-30T17:00:00Z') - 1)).toBe(false);
  });

  it('months are calendar months in the zone, not 30 days: 2026-03-15 12:00 EDT − 1 month = 2026-02-15 12:00 EST', () => {
    // 2026-03-15 12:00 EDT = 16:00Z; 2026-02-15 12:00 EST = 17:00Z (30 days back would be 02-13).
    const inLast = dateRule(NY, iso('2026-03-15T16:00:00Z'), 'in_last', { amount: 1, unit: 'months' });
    expect(inLast(iso('2026-02-15T17:00:00Z'))).toBe(true);
    expect(inLast(iso('2026-02-15T16:59:59.999Z'))).toBe(false);
    expect(inLast(iso('2026-02-14T17:00:00Z'))).toBe(false);
  });

  it('weeks are 7 calendar days: "in the next 1 week" from 2026-03-05 12:00 EST ends 2026-03-12 12:00 EDT', () => {
    const inNext = dateRule(NY, iso('2026-03-05T17:00:00Z'), 'in_next', { amount: 1, unit: 'weeks' });
    expect(inNext(iso('2026-03-12T16:00:00Z'))).toBe(true);
    expect(inNext(iso('2026-03-12T16:00:00Z') + 1)).toBe(false);
  });

  it('an amount beyond the representable range still means "any time in the past"', () => {
    const now = iso('2026-03-31T10:00:00Z');
    expect(dateRule('UTC', now, 'in_last', { amount: 1e12, unit: 'days' })(0)).toBe(true);
    expect(dateRule('UTC', now, 'more_than_ago', { amount: 1e12, unit: 'days' })(-8.64e15)).toBe(false);
    expect(dateRule('UTC', now, 'in_next', { amount: 1e12, unit: 'months' })(8.64e15)).toBe(true);
  });
});
