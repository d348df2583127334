import { z } from './zod';

/** The side panel's views of a segment (its tabs): members (default), analysis, compare (issue 8 §5). */
export const PanelViewSchema = z.enum(['members', 'analysis', 'compare']);
export type PanelView = z.infer<typeof PanelViewSchema>;

/** `value` as a panel view, or undefined when it is not one (e.g. a hand-edited URL). */
export function parsePanelView(value: unknown): PanelView | undefined {
  const parsed = PanelViewSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
