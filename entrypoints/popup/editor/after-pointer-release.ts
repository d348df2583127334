import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Runs a layout-changing update only once no mouse button or touch is held down in the document
 * (issue 11 §5). A field left with the mouse blurs on mouse *down*; a validation message shown
 * then pushes the page down before the mouse comes *up*, so the click lands on something else
 * (or nothing) and is lost. Updates asked for while a pointer is down wait for the click to
 * finish (the task after `pointerup`); keyboard blurs run at once.
 */
export function useAfterPointerRelease(): (update: () => void) => void {
  const pressed = useRef(false);
  const waiting = useRef<Array<() => void>>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const down = () => {
      pressed.current = true;
    };
    const release = () => {
      pressed.current = false;
      if (waiting.current.length === 0) return;
      // `click` follows `pointerup` in the same task: run after it.
      timer = setTimeout(() => {
        for (const update of waiting.current.splice(0)) update();
      }, 0);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, []);
  return useCallback((update: () => void) => {
    if (pressed.current) waiting.current.push(update);
    else update();
  }, []);
}
