import { describe, expect, it } from 'vitest';
import { CurrentUserSchema } from '../schema';
import { LOCAL_USER, currentUserOfRows, plainCurrentUser } from './identity-rows';

const priya = { userId: 'u-priya', name: 'Priya', role: 'member', orgId: 'acme' } as const;

describe('plainCurrentUser (the identity check without Zod)', () => {
  it('accepts exactly what CurrentUserSchema keeps unchanged, and gives up on the rest', () => {
    const values: unknown[] = [
      priya,
      { ...priya, extra: 'dropped' },
      { ...priya, role: 'owner' },
      { ...priya, role: 'guest' },
      { ...priya, name: '' },
      { ...priya, name: '  ' },
      { ...priya, userId: 7 },
      { userId: 'u', name: 'n', role: 'admin' },
      null,
      'Priya',
    ];
    for (const value of values) {
      const parsed = CurrentUserSchema.safeParse(value);
      expect(plainCurrentUser(value), JSON.stringify(value)).toEqual(parsed.success ? parsed.data : undefined);
    }
    expect(plainCurrentUser({ ...priya, extra: 'dropped' })).toEqual(priya);
    // The schema trims; the plain check leaves such a row to it.
    expect(CurrentUserSchema.parse({ ...priya, name: ' Priya ' }).name).toBe('Priya');
    expect(plainCurrentUser({ ...priya, name: ' Priya ' })).toBeUndefined();
  });
});

describe('currentUserOfRows', () => {
  const crm = { user: priya, origin: 'http://crm.test', checkedAt: 1 };
  const admin = { ...priya, userId: 'u-ada', role: 'admin' };

  it('is the override, else the CRM user, else the local user', () => {
    expect(currentUserOfRows(undefined, undefined)).toEqual(LOCAL_USER);
    expect(currentUserOfRows(undefined, crm)).toEqual(priya);
    expect(currentUserOfRows(admin, crm)).toEqual(admin);
    expect(currentUserOfRows(null, crm)).toEqual(priya);
  });

  it('cannot tell when a row is there but malformed', () => {
    expect(currentUserOfRows({ ...admin, role: 'guest' }, crm)).toBeUndefined();
    expect(currentUserOfRows(undefined, { ...crm, origin: '' })).toBeUndefined();
    expect(currentUserOfRows(undefined, { ...crm, checkedAt: 'yesterday' })).toBeUndefined();
    expect(currentUserOfRows(undefined, 'crm')).toBeUndefined();
  });
});
