import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {
    // Composition root: wired up in lib/ (see issue #2).
  },
});
