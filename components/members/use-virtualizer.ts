import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type Rect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** Options of {@link useVirtualizer}: the virtual-core options minus the DOM plumbing it supplies. */
export type ElementVirtualizerOptions = Omit<
  VirtualizerOptions<HTMLDivElement, HTMLDivElement>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn'
> & {
  /**
   * Viewport size to use while the scroll element measures 0×0 (not laid out yet, or jsdom in
   * tests, which has no layout). Defaults to the window's inner size.
   */
  fallbackRect?: Rect;
};

/**
 * @tanstack/virtual-core's `Virtualizer` driven from Preact (the same wiring as the official
 * React adapter): one instance per component, options refreshed on every render, mounted in a
 * layout effect, and a re-render whenever the visible range or scroll state changes. Uses the
 * package's `observeElementRect`, `observeElementOffset` and `elementScroll`.
 */
export function useVirtualizer(options: ElementVirtualizerOptions): Virtualizer<HTMLDivElement, HTMLDivElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const { fallbackRect, ...rest } = options;
  const resolved: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    ...rest,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => {
        if (rect.width > 0 || rect.height > 0) return cb(rect);
        const view = instance.targetWindow;
        cb(fallbackRect ?? { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 });
      }),
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: (instance, sync) => {
      rerender(0);
      options.onChange?.(instance, sync);
    },
  };
  const [instance] = useState(() => new Virtualizer<HTMLDivElement, HTMLDivElement>(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), [instance]);
  useLayoutEffect(() => {
    instance._willUpdate();
  });
  return instance;
}
