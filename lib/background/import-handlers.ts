import { listCustomFields, putCustomFields, saveImportMapping, setCustomFieldSources, writeTransaction, type CrmSegmentsDB } from '../db';
import { UserFacingError, type MessageHandlers } from '../messaging/router';

/**
 * Background handlers of the CSV import (issue 11). Rows themselves arrive through the ordinary
 * `ingestLeads` message (validated, incremental, segments updated); this only prepares the fields.
 */
export function createImportHandlers(db: CrmSegmentsDB): Pick<MessageHandlers, 'prepareImport'> {
  return {
    /**
     * Checks that every mapped column names a field that exists or is created here, creates the
     * new custom fields (recorded as source "import") and remembers the mapping for the header set,
     * all in one transaction. Refuses a new field whose key is taken.
     */
    async prepareImport({ headers, mapping, newFields }) {
      return writeTransaction(db, ['customFields', 'meta'], async () => {
        const existing = await listCustomFields(db);
        const taken = new Set(existing.map((f) => f.key));
        const created = new Set<string>();
        for (const field of newFields) {
          if (taken.has(field.key) || created.has(field.key)) throw new UserFacingError(`A custom field with the key "${field.key}" already exists.`);
          created.add(field.key);
        }
        for (const column of mapping.columns) {
          const key = column.target === 'new' ? column.newField?.key : column.target.startsWith('custom.') ? column.target.slice(7) : undefined;
          if (column.target === 'new' && (key === undefined || !created.has(key))) {
            throw new UserFacingError(`Column "${column.header}" is mapped to a new custom field that is not being created.`);
          }
          if (column.target.startsWith('custom.') && key !== undefined && !taken.has(key)) {
            throw new UserFacingError(`Column "${column.header}" is mapped to the custom field "${key}", which does not exist.`);
          }
        }
        if (mapping.keyColumn >= headers.length) throw new UserFacingError('The unique key column is not one of the file\'s columns.');
        await putCustomFields(db, newFields);
        if (newFields.length > 0) await setCustomFieldSources(db, [...created], 'import');
        await saveImportMapping(db, headers, mapping);
        return { customFields: await listCustomFields(db) };
      });
    },
  };
}
