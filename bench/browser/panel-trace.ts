import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

/** Timeline, V8 (with the sampling profiler) and GC categories: what DevTools' Performance panel records. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'toplevel',
];

let traceDir: string | undefined;

/** Where {@link startPanelTrace} writes its traces (`--trace-panel DIR`); unset: no tracing. */
export function setPanelTraceDir(dir: string | undefined): void {
  traceDir = dir;
}

/**
 * Starts a Chromium performance trace of `page` (DevTools protocol `Tracing` on the page's
 * target) when a trace directory is set; the returned function stops it and writes
 * `<dir>/<name>.json`, which DevTools' Performance panel or Perfetto opens. No-op otherwise.
 */
export async function startPanelTrace(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = traceDir;
  if (!dir) return async () => undefined;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream' });
  return async () => {
    const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
    await cdp.send('Tracing.end');
    const stream = await complete;
    const parts: string[] = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    await cdp.detach();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json`), parts.join(''));
    console.error(`  trace written: ${join(dir, `${name}.json`)}`);
  };
}
