import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Segment } from '../../../lib/schema';
import { MenuButton, type MenuItem } from '../../../components/menu-button';
import { formatCount } from '../../../lib/format/number';
import { downloadSegmentFile } from '../../../components/segment-file-actions';

/** The options page section that imports segment files (its element id). */
export const IMPORT_SECTION_ID = 'segment-files';

/** Opens the options page on its segment file section (a file picker would close the popup). */
async function openImport(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${IMPORT_SECTION_ID}`) });
  window.close();
}

/**
 * The popup's segments menu (issue 8 §3): "Export all my segments" saves a segment file of the
 * current user's segments; "Import segments…" opens the import on the options page.
 */
export function SharingMenu({ mine }: { mine: readonly Segment[] }) {
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 6000);
    return () => clearTimeout(timer);
  }, [note]);
  const items: MenuItem[] = [
    {
      id: 'export-all',
      label: 'Export all my segments',
      hint: 'A JSON file others can import',
      onSelect: () => {
        if (mine.length === 0) return setNote({ tone: 'error', text: 'You have no segments to export yet.' });
        const fileName = downloadSegmentFile(mine);
        setNote({ tone: 'ok', text: `Exported ${formatCount(mine.length, 'segment', 'segments')} to ${fileName}` });
      },
    },
    {
      id: 'import',
      label: 'Import segments…',
      hint: 'Opens the settings page',
      onSelect: () => void openImport().catch((error: unknown) => setNote({ tone: 'error', text: `Could not open the import: ${String(error)}` })),
    },
  ];
  return (
    <>
      <MenuButton label="Segment files" items={items}>
        <span aria-hidden="true">⇅</span>
      </MenuButton>
      {note && (
        <p class={`org-note${note.tone === 'error' ? ' is-error' : ''}`} role={note.tone === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </>
  );
}
