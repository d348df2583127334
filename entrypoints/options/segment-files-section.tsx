import { useEffect, useRef, useState } from 'preact/hooks';
import { listCampaigns, listCustomFields, listSegments } from '../../lib/db';
import { formatCount } from '../../lib/format/number';
import type { Segment } from '../../lib/schema';
import { useCurrentUser } from '../../components/use-current-user';
import { useDb } from '../../components/db-context';
import { downloadSegmentFile } from '../../components/segment-file-actions';
import { useLiveQuery } from '../../components/use-live-query';
import { SegmentImportPanel } from './segment-import-panel';
import { useOnDataReplaced } from './options-message';

/** Element id of the section (the popup's "Import segments…" opens `options.html#segment-files`). */
export const SEGMENT_FILES_ID = 'segment-files';

/**
 * "Share segment definitions" on the options page (issue 8 §3): export one or all of my segments as a
 * versioned JSON file (creator preserved), and import such a file.
 */
export function SegmentFilesSection() {
  const db = useDb();
  const identity = useCurrentUser();
  const section = useRef<HTMLElement>(null);
  const [note, setNote] = useState<string | null>(null);
  useOnDataReplaced(() => setNote(null));
  const data = useLiveQuery(async () => {
    const [segments, customFields, campaigns] = await Promise.all([listSegments(db), listCustomFields(db), listCampaigns(db)]);
    return { segments, customFields, campaigns };
  }, [db]);

  const ready = Boolean(data.data) && identity.status !== 'loading';
  useEffect(() => {
    if (ready && location.hash === `#${SEGMENT_FILES_ID}`) section.current?.scrollIntoView({ block: 'start' });
  }, [ready]);

  const userId = identity.status === 'known' ? identity.user.userId : undefined;
  const mine = (data.data?.segments ?? []).filter((s) => s.ownerId === userId).sort((a, b) => a.name.localeCompare(b.name));
  const exportSegments = (segments: readonly Segment[]) => {
    const fileName = downloadSegmentFile(segments);
    setNote(`Exported ${formatCount(segments.length, 'segment', 'segments')} to ${fileName}.`);
  };

  return (
    <section id={SEGMENT_FILES_ID} ref={section} aria-labelledby="segment-files-heading">
      <h2 id="segment-files-heading">Share segment definitions</h2>
      <p class="hint">Export your segments' rules to a JSON file and import them in another browser. Lead data is not included.</p>
      {!ready && identity.status !== 'error' && <p role="status">Loading…</p>}
      {identity.status === 'error' && (
        <p class="options-error" role="alert">
          Could not tell who is signed in: {identity.error}
        </p>
      )}
      {ready && identity.status === 'known' && (
        <>
          <h3 class="options-subheading">Export</h3>
          {mine.length === 0 ? (
            <p class="hint">You have no segments to export yet.</p>
          ) : (
            <>
              <ul class="export-list" aria-label="My segments">
                {mine.map((s) => (
                  <li key={s.id}>
                    <bdi class="export-name" title={s.name}>
                      {s.name}
                    </bdi>
                    <button type="button" class="button button-ghost button-small" aria-label={`Export ${s.name}`} onClick={() => exportSegments([s])}>
                      Export
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" class="button button-secondary" onClick={() => exportSegments(mine)}>
                Export all my segments ({formatCount(mine.length, 'segment', 'segments')})
              </button>
            </>
          )}
          {note && (
            <p class="options-ok" role="status">
              {note}
            </p>
          )}
          <h3 class="options-subheading">Import</h3>
          <SegmentImportPanel myNames={mine.map((s) => s.name)} customFields={data.data!.customFields} campaigns={data.data!.campaigns} />
        </>
      )}
    </section>
  );
}
