/**
 * Why a segment operation was refused:
 * - `not_found`: no segment with that id;
 * - `duplicate_name`: the owner already has a segment with that name (case-insensitive, SPEC §2);
 * - `invalid`: the input fails validation (message names the field or rule);
 * - `inactive`: the operation needs an active segment (SPEC §5: refresh);
 * - `forbidden`: only the segment's owner may change it (SPEC §7).
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
