import { describe, expect, it } from 'vitest';
import { PageGuard } from './page-guard';

const page = (ids: readonly (string | number)[], total?: number) => ({ records: ids.map((id) => ({ id })), done: ids.length, ...(total !== undefined ? { total } : {}) });

describe('PageGuard', () => {
  it('accepts pages up to the reported total and calls that sync complete', () => {
    const guard = new PageGuard('Acme CRM');
    expect(guard.accept(page([1, 2], 3))).toBe(true);
    expect(guard.accept(page([3], 3))).toBe(true);
    expect(guard.received).toBe(3);
    expect(guard.incompleteReason(0)).toBeUndefined();
  });

  it('stops on a page that repeats the previous one', () => {
    const guard = new PageGuard('Acme CRM');
    expect(guard.accept(page([1, 2], 10))).toBe(true);
    expect(guard.accept(page([1, 2], 10))).toBe(false);
    expect(guard.stopReason).toBe('Acme CRM sent page 2 with the same records as page 1; the sync stopped there.');
    expect(guard.incompleteReason(0)).toBe(guard.stopReason);
    expect(guard.received).toBe(2);
  });

  it('stops when records keep coming after the total was reached', () => {
    const guard = new PageGuard('Acme CRM');
    guard.accept(page([1, 2], 2));
    expect(guard.accept(page([3]))).toBe(false);
    expect(guard.stopReason).toBe('Acme CRM kept sending leads after the 2 it said it has; the sync stopped there.');
  });

  it('stops before storing more than the record limit', () => {
    const guard = new PageGuard('Acme CRM', 3);
    expect(guard.accept(page([1, 2]))).toBe(true);
    expect(guard.accept(page([3, 4]))).toBe(false);
    expect(guard.received).toBe(2);
    expect(guard.stopReason).toBe('The sync stopped after 2 leads: Acme CRM kept sending pages past the limit of 3 leads per sync.');
  });

  it('names why a sync that ran to the end is still incomplete', () => {
    const noTotal = new PageGuard('Acme CRM');
    noTotal.accept(page([1]));
    expect(noTotal.incompleteReason(0)).toBe('Acme CRM did not say how many leads it has.');

    const moved = new PageGuard('Acme CRM');
    moved.accept(page([1], 1200));
    moved.accept(page([2], 1300));
    expect(moved.incompleteReason(0)).toBe("Acme CRM's lead total changed during the sync (from 1,200 to 1,300).");

    const short = new PageGuard('Acme CRM');
    short.accept(page([1, 2], 5));
    expect(short.incompleteReason(0)).toBe('Acme CRM said it has 5 leads but sent 2.');

    const skipped = new PageGuard('Acme CRM');
    skipped.accept(page([1, 2], 2));
    expect(skipped.incompleteReason(1)).toBe('1 record was skipped.');
    expect(skipped.incompleteReason(3)).toBe('3 records were skipped.');
  });

  it('tells records apart by id, or by content when they have none', () => {
    const guard = new PageGuard('Acme CRM');
    expect(guard.accept({ records: [{ name: 'a' }], done: 1 })).toBe(true);
    expect(guard.accept({ records: [{ name: 'b' }], done: 2 })).toBe(true);
    expect(guard.accept({ records: [{ name: 'b' }], done: 3 })).toBe(false);
  });
});
