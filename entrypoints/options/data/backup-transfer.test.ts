import { describe, expect, it } from 'vitest';
import { readBackupJson } from './backup-transfer';

describe('readBackupJson', () => {
  it('reads a whole file, and names a cut-off file incomplete and anything else not a backup', () => {
    expect(readBackupJson('b.json', '{"format":"crm-segments-backup","tables":{}}')).toEqual({ raw: { format: 'crm-segments-backup', tables: {} } });
    expect(readBackupJson('b.json', '  {"format":"crm-segments-backup","tables":{"leads":[{"id":"demo/1"')).toEqual({
      error: 'b.json is not a complete backup file: it ends too early or is damaged.',
    });
    expect(readBackupJson('leads.csv', 'id,name\n1,Ada')).toEqual({ error: 'leads.csv is not a CRM Segments backup (made with "Export backup").' });
    expect(readBackupJson('empty.json', '')).toEqual({ error: 'empty.json is not a CRM Segments backup (made with "Export backup").' });
  });
});
