import { describe, expect, it } from 'vitest';
import { capLeadFields, MAX_LIST_LENGTH, MAX_TEXT_LENGTH, TRUNCATION_MARKER } from './field-caps';
import { makeLead } from '../segments/test-support';

describe('capLeadFields', () => {
  it('returns the same lead when nothing is too long', () => {
    const lead = makeLead('1', { name: 'Asha', tags: ['a', 'b'], custom: { city: 'Pune' } });
    const result = capLeadFields(lead);
    expect(result.truncated).toBe(0);
    expect(result.lead).toBe(lead);
  });

  it('cuts long text to the limit with the marker, and long lists to their limit, counting each cut', () => {
    const lead = makeLead('1', {
      name: 'x'.repeat(MAX_TEXT_LENGTH + 10),
      tags: Array.from({ length: MAX_LIST_LENGTH + 5 }, (_, i) => `t${i}`),
      custom: { note: 'y'.repeat(MAX_TEXT_LENGTH * 2), picks: ['short', 'z'.repeat(MAX_TEXT_LENGTH + 1)], visits: 3 },
    });
    const { lead: capped, truncated } = capLeadFields(lead);
    expect(truncated).toBe(4);
    expect(capped.name).toHaveLength(MAX_TEXT_LENGTH);
    expect(capped.name.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(capped.tags).toHaveLength(MAX_LIST_LENGTH);
    expect(capped.tags.at(-1)).toBe(`t${MAX_LIST_LENGTH - 1}`);
    expect(capped.custom.note).toBe('y'.repeat(MAX_TEXT_LENGTH - TRUNCATION_MARKER.length) + TRUNCATION_MARKER);
    expect((capped.custom.picks as string[])[0]).toBe('short');
    expect(capped.custom.visits).toBe(3);
    expect(lead.name).toHaveLength(MAX_TEXT_LENGTH + 10);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const keep = MAX_TEXT_LENGTH - TRUNCATION_MARKER.length;
    const name = 'a'.repeat(keep - 1) + '😀' + 'b'.repeat(20);
    const { lead } = capLeadFields(makeLead('1', { name }));
    expect(lead.name).toBe('a'.repeat(keep - 1) + TRUNCATION_MARKER);
  });
});
