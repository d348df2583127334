import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../segments/test-support';
import { CONVERTED_STATUSES_KEY, DEFAULT_CONVERTED_STATUSES, getConvertedStatuses, readConvertedStatusesSetting, setConvertedStatuses } from './analysis-settings';
import { StoreValidationError } from './validation';

describe('converted statuses setting', () => {
  it('defaults to Converted, Won, Customer and stores a cleaned list in meta', async () => {
    const db = openTestDatabase();
    expect(await getConvertedStatuses(db)).toEqual(['Converted', 'Won', 'Customer']);
    expect(await readConvertedStatusesSetting(db)).toEqual({ statuses: ['Converted', 'Won', 'Customer'], isDefault: true });
    expect(await setConvertedStatuses(db, [' Closed won ', 'Customer', 'customer'])).toEqual(['Closed won', 'Customer']);
    expect(await getConvertedStatuses(db)).toEqual(['Closed won', 'Customer']);
    expect((await db.meta.get(CONVERTED_STATUSES_KEY))?.value).toEqual(['Closed won', 'Customer']);
    expect(await readConvertedStatusesSetting(db)).toEqual({ statuses: ['Closed won', 'Customer'], isDefault: false });
    expect(await setConvertedStatuses(db, null)).toEqual([...DEFAULT_CONVERTED_STATUSES]);
    expect(await db.meta.get(CONVERTED_STATUSES_KEY)).toBeUndefined();
  });

  it('rejects an empty list or empty names and keeps what was stored', async () => {
    const db = openTestDatabase();
    await setConvertedStatuses(db, ['Won']);
    await expect(setConvertedStatuses(db, [])).rejects.toBeInstanceOf(StoreValidationError);
    await expect(setConvertedStatuses(db, ['Won', '  '])).rejects.toThrow(/cannot be empty/);
    expect(await getConvertedStatuses(db)).toEqual(['Won']);
  });

  it('falls back to the default when the stored value is malformed', async () => {
    const db = openTestDatabase();
    await db.meta.put({ key: CONVERTED_STATUSES_KEY, value: 'Won' });
    expect(await getConvertedStatuses(db)).toEqual([...DEFAULT_CONVERTED_STATUSES]);
  });
});
