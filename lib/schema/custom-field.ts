import { z } from './zod';

/** Custom field types (SPEC §2). `select` behaves as text in rules. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export const CustomFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof CustomFieldTypeSchema>;

/** A custom field definition (SPEC §2): discovered by the adapter, editable on the options page. */
export const CustomFieldDefSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/, 'key must be lower-case letters, digits or _'),
  label: z.string().min(1),
  type: CustomFieldTypeSchema,
  options: z.array(z.string()).optional(),
});
export type CustomFieldDef = z.infer<typeof CustomFieldDefSchema>;
