import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentScripts, contentScriptSizes, CONTENT_SCRIPT_BUDGET_BYTES, formatKilobytes } from './content-script-budget';

describe('content script budget', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'budget-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('measures only content scripts, from the files on disk', () => {
    mkdirSync(join(outDir, 'content-scripts'));
    mkdirSync(join(outDir, 'chunks'));
    writeFileSync(join(outDir, 'content-scripts/crm.js'), 'x'.repeat(23_456));
    writeFileSync(join(outDir, 'chunks/popup.js'), 'x'.repeat(99_999));
    writeFileSync(join(outDir, 'background.js'), 'x');
    const sizes = contentScriptSizes(outDir, ['background.js', 'chunks/popup.js', 'content-scripts/crm.js']);
    expect(sizes).toEqual([{ fileName: 'content-scripts/crm.js', bytes: 23_456 }]);
    expect(checkContentScripts(sizes)).toEqual({ lines: ['content script content-scripts/crm.js: 23.5 kB (budget 40.0 kB)'], over: [] });
  });

  it('names the scripts over the budget', () => {
    const big = { fileName: 'content-scripts/crm.js', bytes: CONTENT_SCRIPT_BUDGET_BYTES + 1 };
    expect(checkContentScripts([big, { fileName: 'content-scripts/small.js', bytes: 10 }]).over).toEqual([big]);
    expect(formatKilobytes(136_415)).toBe('136.4 kB');
  });
});
