import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lazySchema, z } from './zod';
import * as schema from './index';

describe('lazySchema', () => {
  it('builds the schema on its first use only, then answers as the schema itself', () => {
    let builds = 0;
    const Person = lazySchema(() => {
      builds += 1;
      return z.object({ name: z.string().min(1), age: z.number().int().optional() });
    });
    expect(builds).toBe(0);
    expect(Person.parse({ name: 'Ada', age: 36 })).toEqual({ name: 'Ada', age: 36 });
    expect(Person.safeParse({ name: '' }).success).toBe(false);
    expect(builds).toBe(1);
    expect(Person instanceof z.ZodObject).toBe(true);
    expect(Object.keys(Person.shape)).toEqual(['name', 'age']);
    const { safeParse } = Person;
    expect(safeParse({ name: 'Grace' }).success).toBe(true);
    expect(builds).toBe(1);
  });

  it('works inside other schemas, lazy ones included', () => {
    const Id = lazySchema(() => z.string().min(1));
    const Row = lazySchema(() => z.object({ id: Id, tags: z.array(Id) }).extend({ note: z.string().optional() }));
    expect(Row.parse({ id: 'a', tags: ['b'], note: 'c' })).toEqual({ id: 'a', tags: ['b'], note: 'c' });
    expect(Row.safeParse({ id: 'a', tags: [''] }).success).toBe(false);
    expect(z.union([Id, z.number()]).parse(3)).toBe(3);
  });

  it('forwards a lazy plain object of schemas (own keys, hasOwn)', () => {
    const table = lazySchema(() => ({ a: z.string(), b: z.number() }));
    expect(Object.keys(table)).toEqual(['a', 'b']);
    expect(Object.hasOwn(table, 'b')).toBe(true);
    expect(Object.hasOwn(table, 'c')).toBe(false);
  });
});

describe('lib/schema', () => {
  it('builds none of its exported schemas when it is imported (pages evaluate it before their first render)', () => {
    const eager = Object.entries(schema).filter(([, value]) => typeof value === 'object' && value !== null && !types.isProxy(value) && '_zod' in value);
    expect(eager.map(([name]) => name)).toEqual([]);
  });
});
