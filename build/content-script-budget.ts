/**
 * The content script's size budget (issue 12 item 2): it is injected into every page of a
 * connected CRM, so it carries only the adapters' page parts — no API client, no Zod. The build
 * prints each content script's size and fails when one is over the budget.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOutput, Wxt } from 'wxt';

/** Largest content script a production build accepts, in bytes (40 kB). */
export const CONTENT_SCRIPT_BUDGET_BYTES = 40_000;

/** One built content script and its size. */
export interface ContentScriptSize {
  fileName: string;
  bytes: number;
}

/** Bytes as WXT prints them ("23.4 kB"). */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The content scripts among a build's output files (`content-scripts/*.js`), with their sizes read from `outDir`. */
export function contentScriptSizes(outDir: string, fileNames: readonly string[]): ContentScriptSize[] {
  return fileNames
    .filter((name) => /^content-scripts\/[^/]+\.js$/.test(name))
    .map((fileName) => ({ fileName, bytes: statSync(join(outDir, fileName)).size }));
}

/**
 * One line per content script ("content script content-scripts/crm.js: 24.1 kB (budget 40.0 kB)")
 * and the ones over `budget` (empty when all fit).
 */
export function checkContentScripts(
  sizes: readonly ContentScriptSize[],
  budget = CONTENT_SCRIPT_BUDGET_BYTES,
): { lines: string[]; over: ContentScriptSize[] } {
  return {
    lines: sizes.map((s) => `content script ${s.fileName}: ${formatKilobytes(s.bytes)} (budget ${formatKilobytes(budget)})`),
    over: sizes.filter((s) => s.bytes > budget),
  };
}

/**
 * WXT `build:done` hook: logs each content script's size and, with `enforce` (a production,
 * minified build), fails the build when one is over {@link CONTENT_SCRIPT_BUDGET_BYTES}. A build
 * that is not shipped (the unminified profile build of `bench/`) passes `enforce: false`.
 */
export function contentScriptBudgetHook(options: { enforce: boolean }) {
  return (wxt: Wxt, output: Readonly<BuildOutput>): void => {
    const files = output.steps.flatMap((step) => step.chunks.map((chunk) => chunk.fileName));
    const { lines, over } = checkContentScripts(contentScriptSizes(wxt.config.outDir, files));
    for (const line of lines) wxt.logger.info(line);
    if (over.length > 0 && options.enforce && wxt.config.mode === 'production') {
      throw new Error(`Content script over its budget: ${over.map((s) => s.fileName).join(', ')} (see build/content-script-budget.ts)`);
    }
  };
}
