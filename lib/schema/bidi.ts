/**
 * Bidirectional control characters (embeddings, overrides, isolates, directional marks): in a label
 * they can reorder the text around it ("Score" shown as "erocS …"), so labels never keep them.
 * Its own module, without Zod, so that the rule descriptions (lib/engine/describe.ts) can be
 * bundled into the popup's first chunk (issue 10: popup counts visible).
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
