// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportProgress } from './import-report';
import type { ImportReport } from './csv-import-client';

const report = (patch: Partial<ImportReport> = {}): ImportReport => ({
  imported: 1200,
  updated: 3,
  unchanged: 0,
  skipped: [],
  unreadable: [],
  rowsRead: 1205,
  bytesRead: 500,
  cancelled: false,
  ...patch,
});

afterEach(cleanup);

describe('ImportProgress', () => {
  it('shows progress with Cancel while running', () => {
    const onCancel = vi.fn();
    render(<ImportProgress report={report()} fileSize={1000} finished={false} onCancel={onCancel} onClose={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('Importing… 1,205 rows read: 1,200 imported, 3 updated, 0 unchanged, 0 skipped');
    expect((screen.getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement).value).toBe(500);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('ends the status with the counts and lists skipped rows and unreadable values when done', () => {
    render(
      <ImportProgress
        report={report({
          skipped: [{ row: 7, reason: 'no value in the key column "Email"' }],
          unreadable: [{ header: 'Score', count: 2, examples: [{ row: 4, value: 'many' }] }],
        })}
        fileSize={1000}
        finished
        onCancel={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/1,200 imported, 3 updated, 0 unchanged, 1 skipped$/);
    expect(screen.getByRole('list', { name: 'Skipped rows' }).textContent).toBe('Row 7: no value in the key column "Email"');
    expect(screen.getByText(/2 values could not be read/)).toBeTruthy();
    expect(screen.getByText(/Score/).closest('li')?.textContent).toBe('Score: 2 (e.g. row 4 "many")');
  });

  it('says "1 row" and "1 value … was" for counts of one', () => {
    render(
      <ImportProgress
        report={report({ rowsRead: 1, imported: 1, updated: 0, unreadable: [{ header: 'Score', count: 1, examples: [{ row: 2, value: 'x' }] }] })}
        fileSize={10}
        finished
        onCancel={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Import finished, 1 row: 1 imported, 0 updated, 0 unchanged, 0 skipped');
    expect(screen.getByRole('heading', { level: 4 }).textContent?.replace(/\s+/g, ' ').trim()).toBe('1 value could not be read and was left empty');
  });

  it('shows why an import stopped (e.g. out of storage) instead of swallowing it', () => {
    render(<ImportProgress report={report({ error: 'The browser is out of storage space for CRM Segments.' })} fileSize={1000} finished onCancel={() => undefined} onClose={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('out of storage space');
    expect(screen.getByRole('status').textContent).toMatch(/^Import stopped after 1,205 rows:/);
  });

  it('after Cancel: the bar shows how far the import got, and says what was kept', () => {
    render(<ImportProgress report={report({ cancelled: true })} fileSize={1000} finished onCancel={() => undefined} onClose={() => undefined} />);
    // 1,205 rows read, 1,203 of them handled (imported or updated) before Cancel stopped the rest.
    expect(screen.getByRole('status').textContent).toBe('Import cancelled after 1,203 rows: 1,200 imported, 3 updated, 0 unchanged, 0 skipped');
    expect((screen.getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement).value).toBe(500);
    expect(screen.getByText(/imported before you cancelled are kept/)).toBeTruthy();
  });

  it('fills the bar when the whole file was imported', () => {
    render(<ImportProgress report={report()} fileSize={1000} finished onCancel={() => undefined} onClose={() => undefined} />);
    expect((screen.getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement).value).toBe(1000);
  });
});
