import { stringify } from 'csv-stringify/sync';
import { AuditQuery, type AuditPage, type AuditVerification } from '../../../../shared/domain/audit.js';
import type { Clock } from '../../clock.js';
import type { WritableDb } from '../../db/connection.js';
import { withWriteScope } from '../../db/write-scope.js';
import { AppError, storageError } from '../../errors.js';
import type { SaveRequest, SavedFile } from '../../platform/port.js';
import { escapeFormula } from '../licenses/export.js';
import { canonicalJson } from './chain.js';
import { allEntries, listEntries, verifyLog } from './log.js';
import { appendStandalone, auditScope } from './scope.js';

export interface AuditExport {
  fileName: string;
  rows: number;
  saved: SavedFile | null;
}

const CSV_COLUMNS = ['seq', 'at', 'kind', 'channel', 'licenseId', 'subject', 'actor', 'summary', 'prevHash', 'hash'] as const;

/**
 * The audit log: `record` runs one call so that its writes carry their entry (see scope.ts); the
 * rest reads, verifies and exports the log. Saving goes through the platform port, as every export.
 */
export function createAuditService(db: WritableDb, clock: Clock, actor: string, save: (request: SaveRequest) => Promise<SavedFile | null>) {
  const nowIso = () => clock.now().toISOString();
  return {
    /**
     * Runs a write channel's handler (or a key reveal) with its entry: a write's in its own
     * transaction; a reveal's after the key was read and before it leaves.
     */
    async record<T>(channel: string, input: unknown, kind: 'write' | 'reveal', run: () => T | Promise<T>): Promise<T> {
      const call = { channel, input, actor };
      const scope = auditScope(db, call, nowIso);
      const value = await withWriteScope(scope, run);
      // A write kept outside the store (a folder setting) has no transaction to join: its own entry.
      // A restore swaps the store itself and closes this connection: the restored file's own log stands.
      if (kind === 'reveal' || (db.open && !scope.recorded && !scope.handedOver && !scope.transacted)) {
        try {
          appendStandalone(db, call, nowIso());
        } catch (err) {
          const storage = storageError(err);
          if (!storage) throw err;
          // A reveal that cannot be recorded does not happen: the key is not sent.
          throw new AppError(storage.code, kind === 'reveal' ? `The key was not shown because the audit log could not record it. ${storage.message}` : storage.message);
        }
      }
      return value;
    },
    list(q: AuditQuery): AuditPage {
      return listEntries(db, AuditQuery.parse(q));
    },
    verify(): AuditVerification {
      return verifyLog(db);
    },
    async export(format: 'csv' | 'json'): Promise<AuditExport> {
      const entries = allEntries(db);
      const day = nowIso().slice(0, 10);
      const fileName = `license-desk-audit-${day}.${format}`;
      const content =
        format === 'json'
          ? `${JSON.stringify(
              {
                exportedAt: nowIso(),
                // How to check the chain without the app: each hash over the previous one and the entry.
                chain: 'hash = hex(SHA-256(prevHash + canonical JSON of {seq, at, kind, channel, licenseId, subject, actor, summary} with keys sorted)); the first prevHash is 64 zeros',
                verification: verifyLog(db),
                entries,
              },
              null,
              2,
            )}\n`
          : stringify(
              entries.map((e) => CSV_COLUMNS.map((c) => (c === 'summary' ? escapeFormula(canonicalJson(e.summary)) : typeof e[c] === 'string' ? escapeFormula(e[c]) : e[c]))),
              { header: true, columns: [...CSV_COLUMNS] },
            );
      const saved = await save({ suggestedName: fileName, content, filter: format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] } });
      return { fileName, rows: entries.length, saved };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
