import { z, lazySchema } from './zod';
import { stripBidiControls } from './bidi';

/** Custom field types (docs/semantics.md §2). `select` behaves as text in rules. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export const CustomFieldTypeSchema = lazySchema(() => z.enum(CUSTOM_FIELD_TYPES));
export type CustomFieldType = z.infer<typeof CustomFieldTypeSchema>;

export { stripBidiControls } from './bidi';

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
