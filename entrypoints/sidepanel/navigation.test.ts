import { describe, expect, it } from 'vitest';
import { parseStoredTarget, sameTarget, searchForTarget, targetFromSearch } from './navigation';

describe('targetFromSearch / searchForTarget', () => {
  it('reads segment and lead ids', () => {
    expect(targetFromSearch('?segment=abc&lead=demo%40127.0.0.1%3A5174%2F42')).toEqual({
      segmentId: 'abc',
      leadId: 'demo@127.0.0.1:5174/42',
    });
    expect(targetFromSearch('?lead=x')).toEqual({ leadId: 'x' });
    expect(targetFromSearch('?segment=%20%20')).toEqual({});
    expect(targetFromSearch('')).toEqual({});
  });

  it('round-trips through the query string', () => {
    const target = { segmentId: 's 1', leadId: 'demo@host/7' };
    expect(targetFromSearch(searchForTarget(target))).toEqual(target);
    expect(searchForTarget({})).toBe('');
  });

  it('reads and writes the tab, ignoring unknown ones and leaving members implicit', () => {
    expect(targetFromSearch('?segment=s&view=analysis')).toEqual({ segmentId: 's', view: 'analysis' });
    expect(targetFromSearch('?segment=s&view=chart')).toEqual({ segmentId: 's' });
    expect(searchForTarget({ segmentId: 's', view: 'compare' })).toBe('?segment=s&view=compare');
    expect(searchForTarget({ segmentId: 's', view: 'members' })).toBe('?segment=s');
  });
});

describe('parseStoredTarget', () => {
  it('accepts a valid request', () => {
    expect(parseStoredTarget({ leadId: 'demo@x/1', at: 5 })).toEqual({ leadId: 'demo@x/1', at: 5 });
    expect(parseStoredTarget({ segmentId: 's', leadId: 'l', at: 1 })).toEqual({ segmentId: 's', leadId: 'l', at: 1 });
    expect(parseStoredTarget({ segmentId: 's', view: 'analysis', at: 1 })).toEqual({ segmentId: 's', view: 'analysis', at: 1 });
  });

  it('rejects malformed requests', () => {
    for (const bad of [null, 'x', {}, { at: 1 }, { leadId: '', at: 1 }, { leadId: 'x' }, { leadId: 3, at: 1 }, { segmentId: 's', view: 'graph', at: 1 }]) {
      expect(parseStoredTarget(bad)).toBeNull();
    }
  });
});

describe('sameTarget', () => {
  it('compares ids', () => {
    expect(sameTarget({ segmentId: 'a' }, { segmentId: 'a', leadId: undefined })).toBe(true);
    expect(sameTarget({ segmentId: 'a' }, { segmentId: 'a', leadId: 'l' })).toBe(false);
  });
});
