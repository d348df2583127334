import { build } from 'esbuild';
import { resolve } from 'node:path';

/**
 * Bundles one of the in-browser kits (`page-kit.ts`, `worker-kit.ts`, `panel-kit.ts`) into a self-contained
 * script that Playwright evaluates in the extension page or the service worker (an evaluated
 * string is not subject to the extension's CSP, and nothing of it is built into the extension).
 */
export async function bundleKit(file: 'page-kit.ts' | 'worker-kit.ts' | 'panel-kit.ts'): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, file)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
