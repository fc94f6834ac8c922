import type { Migration } from './types.js';

/**
 * A deleted license leaves a tombstone: who deleted it and when, its last values, and the history
 * and usage snapshots that cascade away with the row. No foreign key (the row is gone) and
 * append-only: triggers refuse to change or remove a tombstone.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'license-tombstones',
  up(db) {
    db.exec(`
      CREATE TABLE license_tombstones (
        id INTEGER PRIMARY KEY,
        license_item_id INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL,
        last_values TEXT NOT NULL CHECK (json_valid(last_values)),
        history TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(history)),
        usage TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(usage))
      ) STRICT;
      CREATE INDEX license_tombstones_item ON license_tombstones(item_id, deleted_at);
      CREATE TRIGGER license_tombstones_no_update BEFORE UPDATE ON license_tombstones BEGIN
        SELECT RAISE(ABORT, 'license tombstones cannot be changed');
      END;
      CREATE TRIGGER license_tombstones_no_delete BEFORE DELETE ON license_tombstones BEGIN
        SELECT RAISE(ABORT, 'license tombstones cannot be removed');
      END;
    `);
  },
};
