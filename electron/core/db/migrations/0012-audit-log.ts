import type { Migration } from './types.js';

/**
 * The audit log: one entry per write (and per key reveal), each chained to the one before by
 * SHA-256 over the previous hash and the entry's canonical JSON, so an edited, removed or inserted
 * entry breaks the chain at that point. Append-only: triggers refuse to change or remove an entry.
 * The summary names what changed (channel, ids, counts, field names), never a key or a payload.
 * No foreign key on license_id: a deleted license keeps its entries.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
        channel TEXT NOT NULL CHECK (length(channel) BETWEEN 1 AND 80),
        license_id INTEGER,
        subject TEXT CHECK (subject IS NULL OR length(subject) <= 200),
        actor TEXT NOT NULL,
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX audit_log_license ON audit_log(license_id, seq) WHERE license_id IS NOT NULL;
      CREATE INDEX audit_log_at ON audit_log(at, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit log entries cannot be changed');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit log entries cannot be removed');
      END;
    `);
  },
};
