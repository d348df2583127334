import { describe, expect, it } from 'vitest';
import type { Segment } from './segment';
import { SEGMENT_FILE_FORMAT, buildSegmentFile, parseSegmentFile, segmentFileName } from './segment-file';

const NOW = Date.UTC(2025, 5, 1, 9, 30);

function segment(over: Partial<Segment> = {}): Segment {
  return {
    id: 'seg-1',
    name: 'Hot leads',
    description: 'Converted and busy',
    color: '#2563eb',
    rules: {
      combinator: 'and',
      rules: [
        { field: 'status', operator: 'equals', value: 'Converted' },
        { combinator: 'or', rules: [{ field: 'custom.total_visits', operator: 'gte', value: 3 }, { field: 'tags', operator: 'is_not_empty' }] },
      ],
    },
    status: 'active',
    ownerId: 'u-olivia',
    ownerName: 'Olivia Bennett',
    orgId: 'org-acme',
    createdAt: Date.UTC(2025, 0, 2),
    updatedAt: Date.UTC(2025, 0, 3),
    rulesVersion: 4,
    memberCount: 120,
    ...over,
  };
}

const fileText = (segments: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: SEGMENT_FILE_FORMAT, version: 1, exportedAt: '2025-06-01T09:30:00.000Z', segments, ...over });

const entry = (over: Record<string, unknown> = {}) => ({
  name: 'Hot leads',
  description: '',
  color: '#2563eb',
  rules: { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] },
  status: 'active',
  createdBy: { userId: 'u-olivia', name: 'Olivia Bennett', orgId: 'org-acme' },
  ...over,
});

describe('segment file', () => {
  it('round-trips definitions with their creator and nothing stored-only', () => {
    const file = buildSegmentFile([segment(), segment({ id: 'seg-2', name: 'Later', status: 'inactive' })], NOW);
    const parsed = parseSegmentFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.exportedAt).toBe('2025-06-01T09:30:00.000Z');
    expect(parsed.file.segments).toEqual([
      {
        name: 'Hot leads',
        description: 'Converted and busy',
        color: '#2563eb',
        rules: segment().rules,
        status: 'active',
        createdBy: { userId: 'u-olivia', name: 'Olivia Bennett', orgId: 'org-acme' },
        createdAt: '2025-01-02T00:00:00.000Z',
      },
      expect.objectContaining({ name: 'Later', status: 'inactive' }),
    ]);
    expect(JSON.stringify(file)).not.toMatch(/memberCount|rulesVersion|seg-1/);
  });

  it('rejects text that is not JSON', () => {
    expect(parseSegmentFile('{"format": ')).toEqual({ ok: false, reason: 'The file is not valid JSON.' });
  });

  it('rejects JSON that is not a segment file', () => {
    expect(parseSegmentFile('[1,2]')).toEqual({ ok: false, reason: 'This is not a CRM Segments segment file.' });
    expect(parseSegmentFile(JSON.stringify({ leads: [] }))).toEqual({ ok: false, reason: 'This is not a CRM Segments segment file.' });
  });

  it('rejects a newer format version, saying so', () => {
    const result = parseSegmentFile(fileText([entry()], { version: 2 }));
    expect(result).toEqual({
      ok: false,
      reason: 'The file was made by a newer version of CRM Segments (format version 2). Update the extension to import it.',
    });
  });

  it('names the segment and the rule of an invalid definition', () => {
    const bad = entry({ rules: { combinator: 'and', rules: [{ field: 'status', operator: 'between', value: 'x' }] } });
    const result = parseSegmentFile(fileText([entry(), bad]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/^The file is not valid: Segment 2, rules/);
    expect(result.reason).toMatch(/Rule 1/);
  });

  it('rejects a colour that is not #rrggbb, a missing name and an empty file', () => {
    const colour = parseSegmentFile(fileText([entry({ color: 'red;background:url(x)' })]));
    expect(colour.ok === false && colour.reason).toMatch(/Segment 1, color: must be a colour as #rrggbb/);
    const noName = parseSegmentFile(fileText([entry({ name: '   ' })]));
    expect(noName.ok === false && noName.reason).toMatch(/Segment 1, name: Segment name is required/);
    const empty = parseSegmentFile(fileText([]));
    expect(empty.ok === false && empty.reason).toMatch(/the file has no segments/);
  });

  it('rejects a segment whose top level is "or" and one without its creator', () => {
    const or = parseSegmentFile(fileText([entry({ rules: { combinator: 'or', rules: [{ field: 'status', operator: 'is_empty' }] } })]));
    expect(or.ok === false && or.reason).toMatch(/top level combines rules with "and"/);
    const { createdBy: _dropped, ...anonymous } = entry();
    const noCreator = parseSegmentFile(fileText([anonymous]));
    expect(noCreator.ok === false && noCreator.reason).toMatch(/Segment 1, createdBy/);
  });

  it('keeps rules on custom fields it cannot check here, and drops unknown keys', () => {
    const withUnknown = entry({
      rules: { combinator: 'and', rules: [{ field: 'custom.favourite_colour', operator: 'equals', value: 'Teal' }] },
      __proto__: { polluted: true },
      extra: 'ignored',
    });
    const result = parseSegmentFile(fileText([withUnknown]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.segments[0]!.rules.rules).toEqual([{ field: 'custom.favourite_colour', operator: 'equals', value: 'Teal' }]);
    expect(Object.keys(result.file.segments[0]!)).not.toContain('extra');
  });

  it('names export files by segment and day', () => {
    expect(segmentFileName(NOW)).toBe('crm-segments-2025-06-01.json');
    expect(segmentFileName(NOW, 'Hot leads: India / Q3')).toBe('crm-segments-hot-leads-india-q3-2025-06-01.json');
  });
});
