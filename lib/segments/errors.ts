/**
 * Why a segment operation was refused:
 * - `not_found`: no segment with that id;
 * - `duplicate_name`: the owner already has a segment with that name (case-insensitive, docs/semantics.md §2);
 * - `invalid`: the input fails validation (message names the field or rule);
 * - `inactive`: the operation needs an active segment (docs/semantics.md §5: refresh);
 * - `forbidden`: only the segment's owner may change it (docs/semantics.md §7).
 */
export type SegmentErrorCode = 'not_found' | 'duplicate_name' | 'invalid' | 'inactive' | 'forbidden';

/** A refused segment operation with a plain-language message for the user. Nothing was written. */
export class SegmentOperationError extends Error {
  constructor(
    readonly code: SegmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SegmentOperationError';
  }
}
