import type { Migration } from './types.js';

/**
 * Stored license keys (secrets, apart from projects so no list query can select them by accident),
 * import batches with their reports, settings, and two denormalised columns on license_items for the
 * 100,000-row list: the latest usage figure and one lower-cased search text.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'keys-imports-settings',
  up(db) {
    db.exec(`
      ALTER TABLE license_items ADD COLUMN used INTEGER CHECK (used IS NULL OR used >= 0);
      ALTER TABLE license_items ADD COLUMN used_on TEXT;
      ALTER TABLE license_items ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

      UPDATE license_items SET
        used = (SELECT used FROM usage_snapshots s WHERE s.license_item_id = license_items.id ORDER BY taken_on DESC LIMIT 1),
        used_on = (SELECT taken_on FROM usage_snapshots s WHERE s.license_item_id = license_items.id ORDER BY taken_on DESC LIMIT 1);

      CREATE TABLE license_keys (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('dls2', 'trial', 'offline', 'device-authorization')),
        key_text TEXT NOT NULL UNIQUE,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        session_password_set INTEGER NOT NULL DEFAULT 0 CHECK (session_password_set IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX license_keys_project ON license_keys(project_id);

      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('keys', 'csv', 'json')),
        file_name TEXT NOT NULL DEFAULT '',
        file_sha256 TEXT NOT NULL,
        mode TEXT NOT NULL,
        imported INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        report TEXT NOT NULL CHECK (json_valid(report))
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE INDEX license_items_status ON license_items(activation_status, expires_on);
    `);
    // Fill the search text of existing items (folded in JavaScript: SQLite's lower() is ASCII-only).
    const rows = db
      .prepare(
        `SELECT li.id, li.item_id, li.license_id, li.order_id, li.alias, li.edition, li.version, li.notes, p.name, p.code, pr.handshake_code
         FROM license_items li JOIN products p ON p.code = li.product_code LEFT JOIN projects pr ON pr.id = li.project_id`,
      )
      .all() as Record<string, unknown>[];
    const set = db.prepare('UPDATE license_items SET search_text = ? WHERE id = ?');
    for (const { id, ...fields } of rows) {
      set.run(Object.values(fields).filter((v) => typeof v === 'string' && v !== '').join(' ').toLowerCase(), id);
    }
  },
};
