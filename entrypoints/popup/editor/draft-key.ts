/** Storage key of the popup's draft (its own module: the popup's first frame reads it without Zod). */
export const DRAFT_KEY = 'crm-segments.popup.editor-draft.v1';

/**
 * True when a draft of the editor is kept in `storage` (the popup then reopens the editor, so its
 * list-shaped first frame is not drawn). Any stored text counts; whether it is a usable draft is
 * `webStorageDraftStore().load()`'s to judge. False when storage cannot be read.
 */
export function hasKeptDraft(storage: () => Storage | undefined = () => globalThis.localStorage): boolean {
  try {
    return storage()?.getItem(DRAFT_KEY) != null;
  } catch {
    return false;
  }
}
