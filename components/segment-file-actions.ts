import type { Segment } from '../lib/schema';
import { buildSegmentFile, segmentFileName } from '../lib/schema/segment-file';
import { downloadTextFile } from './members/file-actions';

/**
 * Saves `segments` as a segment file (issue 8 §3: versioned JSON, creator preserved) through the
 * browser's download flow. One segment gets its name in the file name. Returns the file name.
 */
export function downloadSegmentFile(segments: readonly Segment[], now = Date.now()): string {
  const fileName = segmentFileName(now, segments.length === 1 ? segments[0]!.name : undefined);
  downloadTextFile(fileName, `${JSON.stringify(buildSegmentFile(segments, now), null, 2)}\n`, 'application/json');
  return fileName;
}
