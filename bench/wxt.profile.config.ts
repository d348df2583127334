import { defineConfig, type UserConfig } from 'wxt';
import base from '../wxt.config';
import { contentScriptBudgetHook } from '../build/content-script-budget';

/**
 * The extension built for CPU profiles only (`npm run bench:browser -- --profile …` loads it):
 * the same build as `wxt.config.ts`, not minified (readable function names in the profile), into
 * `.output/profile/`. Never shipped, so the content script's size budget is reported, not enforced.
 */
const config = base as UserConfig;
export default defineConfig({
  ...config,
  root: new URL('..', import.meta.url).pathname,
  outDir: '.output/profile',
  hooks: { ...config.hooks, 'build:done': contentScriptBudgetHook({ enforce: false }) },
  vite: (env) => {
    const inherited = typeof config.vite === 'function' ? config.vite(env) : {};
    return { ...inherited, build: { minify: false } };
  },
});
