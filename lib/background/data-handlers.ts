import { clearAllTables, parseBackup, restoreParsedBackup, type CrmSegmentsDB } from '../db';
import { UserFacingError, type MessageHandlers } from '../messaging/router';

/** What the background does after every table was replaced or emptied (caches, jobs, badges). */
export interface DataHandlerPorts {
  db: CrmSegmentsDB;
  /** Resolves once the background matches the new data (content scripts of the connected CRMs, alarms). */
  afterReplace(): Promise<void>;
}

/**
 * Background handlers of data management (issue 11): restore a backup (sent in parts, staged in
 * memory, then validated and written in ONE transaction) and delete all data. A service worker
 * restart between parts loses the staging and the restore is refused; nothing is written.
 */
export function createDataHandlers({ db, afterReplace }: DataHandlerPorts): Pick<MessageHandlers, 'stageBackupRows' | 'restoreBackup' | 'deleteAllData'> {
  let staging: { token: string; tables: Map<string, unknown[]> } | null = null;
  return {
    async stageBackupRows({ token, table, rows }) {
      if (staging?.token !== token) staging = { token, tables: new Map() };
      const staged = staging.tables.get(table) ?? [];
      for (const row of rows) staged.push(row);
      staging.tables.set(table, staged);
      return { staged: staged.length };
    },
    async restoreBackup({ token, header }) {
      if (staging?.token !== token) throw new UserFacingError('The backup did not reach the extension completely. Nothing was changed; try again.');
      const tables = Object.fromEntries(staging.tables);
      staging = null;
      const parsed = parseBackup(db, { ...header, tables });
      if ('error' in parsed) throw new UserFacingError(`${parsed.error} Nothing was changed.`);
      await restoreParsedBackup(db, parsed);
      await afterReplace();
      return parsed.summary;
    },
    async deleteAllData() {
      await clearAllTables(db);
      await afterReplace();
      return { deleted: true };
    },
  };
}
