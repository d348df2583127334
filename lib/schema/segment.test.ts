import { describe, expect, it } from 'vitest';
import { formatZodError } from './common';
import { SegmentDraftSchema, SegmentNameSchema, SegmentPatchSchema, SegmentSchema } from './segment';

const rules = { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] };

describe('SegmentDraftSchema', () => {
  it('trims the name and fills defaults', () => {
    expect(SegmentDraftSchema.parse({ name: '  Hot leads ', color: '#1a2B3c', rules })).toEqual({
      name: 'Hot leads',
      description: '',
      color: '#1a2B3c',
      rules,
      status: 'active',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['blank name', { name: '   ', color: '#112233', rules }, 'name: Segment name is required'],
    ['long name', { name: 'x'.repeat(81), color: '#112233', rules }, 'name: Segment name must be at most 80 characters'],
    ['long description', { name: 'A', description: 'd'.repeat(501), color: '#112233', rules }, 'description: Description must be at most 500 characters'],
    ['CSS in colour', { name: 'A', color: 'red;background:url(x)', rules }, 'color: must be a colour as #rrggbb'],
    ['short colour', { name: 'A', color: '#123', rules }, 'color: must be a colour as #rrggbb'],
    ['no rules', { name: 'A', color: '#112233', rules: { combinator: 'and', rules: [] } }, 'rules: Rules: a segment needs at least one rule'],
    [
      'bad rule',
      { name: 'A', color: '#112233', rules: { combinator: 'and', rules: [rules.rules[0], { field: 'createdAt', operator: 'between', value: ['2026-02-01', '2026-01-01'] }] } },
      "rules: Rule 2: 'between' needs the first date on or before the second",
    ],
    ['bad status', { name: 'A', color: '#112233', rules, status: 'paused' }, 'status: '],
  ])('rejects %s', (_name, draft, message) => {
    const result = SegmentDraftSchema.safeParse(draft);
    expect(result.success).toBe(false);
    expect(formatZodError(result.error!)).toContain(message);
  });

  it('accepts a 500-character description and an 80-character name', () => {
    expect(SegmentDraftSchema.safeParse({ name: 'n'.repeat(80), description: 'd'.repeat(500), color: '#abcdef', rules }).success).toBe(true);
  });
});

describe('SegmentPatchSchema and SegmentSchema', () => {
  it('a patch may change any subset, each still validated', () => {
    expect(SegmentPatchSchema.parse({ color: '#000000' })).toEqual({ color: '#000000' });
    expect(SegmentPatchSchema.safeParse({ rules: { combinator: 'and', rules: [] } }).success).toBe(false);
  });

  it('a stored segment needs its bookkeeping fields', () => {
    const segment = {
      id: 's1',
      name: 'Hot',
      description: '',
      color: '#ff0000',
      rules,
      status: 'inactive',
      ownerId: 'u1',
      ownerName: 'Asha',
      orgId: 'o1',
      createdAt: 1,
      updatedAt: 2,
      rulesVersion: 1,
      memberCount: 0,
    };
    expect(SegmentSchema.parse(segment)).toEqual(segment);
    expect(SegmentSchema.safeParse({ ...segment, rulesVersion: 0 }).success).toBe(false);
    expect(SegmentSchema.safeParse({ ...segment, memberCount: -1 }).success).toBe(false);
  });
});

describe('segment rule limits', () => {
  const rule = { field: 'status', operator: 'equals', value: 'New' };
  it('rejects a top-level "or" for a segment', () => {
    const parsed = SegmentDraftSchema.safeParse({ name: 'A', color: '#112233', rules: { combinator: 'or', rules: [rule, rule] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/top level combines rules with "and"/);
  });
  it('rejects more than 100 rules', () => {
    const parsed = SegmentDraftSchema.safeParse({ name: 'A', color: '#112233', rules: { combinator: 'and', rules: Array(101).fill(rule) } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Rules: a segment can have at most 100 rules and groups (this one has 101)');
    expect(SegmentDraftSchema.safeParse({ name: 'A', color: '#112233', rules: { combinator: 'and', rules: Array(100).fill(rule) } }).success).toBe(true);
  });
});

describe('segment names cannot spoof another name', () => {
  it('refuses right-to-left override and isolate controls, accepts right-to-left text', () => {
    expect(SegmentNameSchema.safeParse('abc\u202Efdp.exe').success).toBe(false);
    expect(SegmentNameSchema.safeParse('a\u2067b').success).toBe(false);
    expect(SegmentNameSchema.safeParse('عملاء مهمون').success).toBe(true);
  });
});
