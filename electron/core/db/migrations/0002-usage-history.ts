import type { Migration } from './types.js';

/**
 * Usage snapshots (typed in by hand: the app is offline) and a per-item change history.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'usage-history',
  up(db) {
    db.exec(`
      CREATE TABLE usage_snapshots (
        id INTEGER PRIMARY KEY,
        license_item_id INTEGER NOT NULL REFERENCES license_items(id) ON DELETE CASCADE,
        taken_on TEXT NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        used INTEGER NOT NULL CHECK (used >= 0),
        UNIQUE (license_item_id, taken_on)
      ) STRICT;

      CREATE TABLE license_history (
        id INTEGER PRIMARY KEY,
        license_item_id INTEGER NOT NULL REFERENCES license_items(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'imported', 'renewed', 'usage')),
        source TEXT NOT NULL DEFAULT 'manual',
        changes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(changes))
      ) STRICT;
      CREATE INDEX license_history_item ON license_history(license_item_id, at);
    `);
  },
};
