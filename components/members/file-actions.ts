/**
 * Browser actions of the export toolbar: saving a text file through an `<a download>` with a
 * Blob URL, and copying text to the clipboard.
 */

/**
 * Saves `text` as a file named `fileName` (the browser's download flow). The Blob URL is revoked
 * once the download has started.
 */
export function downloadTextFile(fileName: string, text: string, mimeType = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Copies `text` to the clipboard: the async Clipboard API, or (where it is missing or refused) a
 * hidden textarea and `execCommand('copy')`. Throws an Error when neither works.
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Fall through to the legacy path (e.g. the document lost focus).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = typeof document.execCommand === 'function' && document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser did not allow copying to the clipboard.');
}
