import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Debian Chromium with the built extension (`npm run build` first). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
