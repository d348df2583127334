import { z, lazySchema } from './zod';

/** Custom field types (docs/semantics.md §2). `select` behaves as text in rules. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export const CustomFieldTypeSchema = lazySchema(() => z.enum(CUSTOM_FIELD_TYPES));
export type CustomFieldType = z.infer<typeof CustomFieldTypeSchema>;

/**
 * Bidirectional control characters (embeddings, overrides, isolates, directional marks): in a label
 * they can reorder the text around it ("Score" shown as "erocS …"), so labels never keep them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A custom field label at the boundary (CRM, CSV header, stored definition): bidi controls stripped, not empty. */
export const CustomFieldLabelSchema = lazySchema(() => z.string().transform(stripBidiControls).pipe(z.string().min(1, 'a label is required')));

/** A label the user types (rename): bidi controls stripped, trimmed, 1–100 characters. */
export const TypedLabelSchema = lazySchema(() => z.string().transform(stripBidiControls).pipe(z.string().trim().min(1, 'a label is required').max(100)));

/** A custom field definition (docs/semantics.md §2): discovered by the adapter from the CRM, or created by a CSV import ("new field" in the column mapping). */
export const CustomFieldDefSchema = lazySchema(() => z.object({
  key: z
    .string()
    .regex(/^[a-z0-9_]+$/, 'key must be lower-case letters, digits or _')
    // An object key that cannot be stored as data (it would set the prototype): refused at the boundary.
    .refine((key) => key !== '__proto__', 'key "__proto__" is reserved'),
  label: CustomFieldLabelSchema,
  type: CustomFieldTypeSchema,
  options: z.array(z.string()).optional(),
}));
export type CustomFieldDef = z.infer<typeof CustomFieldDefSchema>;

/**
 * The value of custom field `key` from a lead's `custom` map, own properties only (issue 9 item 11):
 * a lead without a `constructor` or `toString` field gives undefined, never `Object.prototype`'s.
 */
export function ownCustomValue<V>(custom: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return custom != null && Object.hasOwn(custom, key) ? custom[key] : undefined;
}
