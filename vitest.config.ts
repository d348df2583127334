import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit and component tests (`*.test.ts(x)` beside the code). e2e has its own config. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.tsx', 'components/**/*.test.ts', 'entrypoints/**/*.test.ts', 'entrypoints/**/*.test.tsx', 'demo/**/*.test.ts', 'bench/**/*.test.ts', 'build/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
  },
});
