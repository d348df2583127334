import { browser } from 'wxt/browser';

let cached: number | undefined;

/**
 * Reads the popup's window id once at start-up, so "Show members" can name the window to open the
 * side panel in without awaiting anything during the click (browsers only allow opening the side
 * panel during the user gesture). Failures leave it unknown; the background then opens a tab.
 */
export function primeCurrentWindow(): void {
  browser.windows
    ?.getCurrent()
    .then((window) => {
      cached = window.id;
    })
    .catch(() => undefined);
}

/** The popup's window id, when known. */
export function currentWindowId(): number | undefined {
  return cached;
}
