import { browser } from 'wxt/browser';

/**
 * The URL of the active tab of the current window, or undefined when it cannot be read (no tab,
 * or a page the extension has no access to — the URL is only visible for hosts it may access).
 */
export async function activeTabUrl(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url;
  } catch {
    return undefined;
  }
}

/** Whether `url` can be a CRM page to sync from (an http(s) page). */
export function isSyncableUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
