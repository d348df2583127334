/**
 * The demo CRM's web app assets: the TypeScript SPA under demo/app/ bundled in memory with
 * esbuild at server start, its stylesheet, the favicon and the HTML shell every page route serves.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const APP_DIR = fileURLToPath(new URL('../app/', import.meta.url));

/** Bundled, ready-to-serve assets. */
export interface WebAssets {
  html: string;
  js: string;
  css: string;
  favicon: string;
}

/**
 * The page marker the adapter looks for (`<meta name="crm" content="acme-demo">`): it tells the
 * extension this localhost page really is Acme CRM.
 */
export const PAGE_MARKER = { name: 'crm', content: 'acme-demo' } as const;

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/><path d="M9 23 16 8l7 15h-3.6l-1.5-3.4h-3.8L12.6 23Z M15.2 16.9h1.6L16 15Z" fill="#fff"/></svg>`;

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="${PAGE_MARKER.name}" content="${PAGE_MARKER.content}">
<meta name="color-scheme" content="light">
<title>Acme CRM</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<div id="app" aria-busy="true"></div>
<noscript>Acme CRM needs JavaScript.</noscript>
<script type="module" src="/assets/app.js"></script>
</body>
</html>
`;

/** Bundles demo/app/main.ts (ES2020 module, not minified) and reads its stylesheet. Throws esbuild's error on a build failure. */
export async function buildWebAssets(): Promise<WebAssets> {
  const result = await build({
    entryPoints: [`${APP_DIR}main.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const css = await readFile(`${APP_DIR}styles.css`, 'utf8');
  return { html: HTML, js, css, favicon: FAVICON };
}
