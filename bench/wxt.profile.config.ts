import { defineConfig, type UserConfig } from 'wxt';
import base from '../wxt.config';

/**
 * The extension built for CPU profiles only (`npm run bench:browser -- --profile …` loads it):
 * the same build as `wxt.config.ts`, not minified (readable function names in the profile), into
 * `.output/profile/`. Never shipped.
 */
const config = base as UserConfig;
export default defineConfig({
  ...config,
  root: new URL('..', import.meta.url).pathname,
  outDir: '.output/profile',
  vite: (env) => {
    const inherited = typeof config.vite === 'function' ? config.vite(env) : {};
    return { ...inherited, build: { minify: false } };
  },
});
