import type { CrmSegmentsDB } from '../db';
import { UserFacingError, type MessageHandlers } from '../messaging/router';
import { deleteCustomFieldAndRevalidate, previewRetype, renameCustomField, retypeCustomField, type LeadColumns } from '../segments';

/** What the custom field handlers need from the background. */
export interface CustomFieldHandlerPorts {
  db: CrmSegmentsDB;
  clock(): number;
  timeZone(): Promise<string>;
  /** Segment definitions, errors or lead values changed (refresh jobs to run, badges). */
  segmentsChanged(): void;
  /** The compact copy of every stored lead (lead-memory.ts); without it a preview reads the stored leads. */
  leads?(): Promise<LeadColumns>;
}

/** A lib/segments "There is no custom field" error as the user's error (anything else stays internal). */
function userFacing(error: unknown): never {
  if (error instanceof Error && error.message.startsWith('There is no custom field')) throw new UserFacingError(error.message);
  throw error;
}

/**
 * Background handlers of the options page's custom fields section (issue 11 item 3): rename a
 * label, change a type (re-normalising every stored value, in chunks), delete a field (segments
 * using it get `error`, docs/semantics.md §3 rule 9).
 */
export function createCustomFieldHandlers(
  ports: CustomFieldHandlerPorts,
): Pick<MessageHandlers, 'renameCustomField' | 'changeCustomFieldType' | 'previewCustomFieldType' | 'deleteCustomField'> {
  const { db } = ports;
  let retyping: string | null = null;
  return {
    async renameCustomField({ key, label }) {
      const field = await renameCustomField(db, key, label).catch(userFacing);
      ports.segmentsChanged();
      return field;
    },
    async changeCustomFieldType({ key, type }) {
      if (retyping !== null) throw new UserFacingError(`The type of "${retyping}" is being changed; wait until it has finished.`);
      retyping = key;
      try {
        const report = await retypeCustomField(db, key, type, { now: ports.clock(), timeZone: await ports.timeZone() }).catch(userFacing);
        ports.segmentsChanged();
        return report;
      } finally {
        retyping = null;
      }
    },
    async previewCustomFieldType({ key, type }) {
      const leads = await ports.leads?.();
      return previewRetype(db, key, type, { timeZone: await ports.timeZone(), ...(leads ? { leads } : {}) }).catch(userFacing);
    },
    async deleteCustomField({ key }) {
      const invalidSegments = await deleteCustomFieldAndRevalidate(db, key, { now: ports.clock(), timeZone: await ports.timeZone() }).catch(userFacing);
      ports.segmentsChanged();
      return { invalidSegments };
    },
  };
}
