import type { Migration } from './types.js';

/**
 * The value lists that CHECK constraints held (terms, quota modes, device windows, key kinds) become
 * tables, which the core keeps in step with the app's lists at every start (db/reference-data.ts):
 * a CHECK list cannot change without rebuilding the table, so a mode added later was accepted by a
 * fresh install and refused by an upgraded one. The seed is the lists as they were when this shipped;
 * literal SQL, like every migration, so what a migration does never changes with today's constants.
 *
 * license_items and license_keys are rebuilt to reference the lists, following SQLite's documented
 * twelve-step procedure (https://www.sqlite.org/lang_altertable.html#otheralter); migrate() runs
 * migrations with foreign keys off and checks them before committing. The rebuild also turns the
 * renewal link's ON DELETE SET NULL into RESTRICT: deleting a renewal must never silently mark the
 * license it renewed as not renewed.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'reference-lists',
  up(db) {
    db.exec(`
      CREATE TABLE license_terms (code TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TABLE quota_modes (code TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TABLE device_windows (code TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TABLE key_kinds (code TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      INSERT INTO license_terms (code) VALUES ('annual'), ('lifetime');
      INSERT INTO quota_modes (code) VALUES ('scans'), ('pages'), ('devices'), ('concurrent-devices'), ('concurrent-instances'), ('servers'), ('domains'), ('offline-devices');
      INSERT INTO device_windows (code) VALUES ('yearly'), ('quarterly'), ('monthly'), ('daily');
      INSERT INTO key_kinds (code) VALUES ('dls2'), ('trial'), ('offline'), ('device-authorization');

      CREATE TABLE new_license_items (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL UNIQUE CHECK (item_id GLOB '[0-9]*'),
        license_id TEXT,
        order_id TEXT,
        product_code TEXT NOT NULL REFERENCES products(code) ON UPDATE CASCADE,
        edition TEXT,
        version TEXT,
        term TEXT NOT NULL REFERENCES license_terms(code),
        quota_mode TEXT NOT NULL REFERENCES quota_modes(code),
        device_window TEXT REFERENCES device_windows(code),
        quota_amount INTEGER NOT NULL CHECK (quota_amount > 0),
        alias TEXT,
        activation_status TEXT NOT NULL CHECK (activation_status IN ('new', 'activated')),
        activated_on TEXT CHECK (activated_on IS NULL OR activated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        expires_on TEXT CHECK (expires_on IS NULL OR expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        maintenance_expires_on TEXT,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        renewed_by_id INTEGER REFERENCES license_items(id) ON DELETE RESTRICT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        used INTEGER CHECK (used IS NULL OR used >= 0),
        used_on TEXT,
        search_text TEXT NOT NULL DEFAULT ''
      ) STRICT;
      INSERT INTO new_license_items (id, item_id, license_id, order_id, product_code, edition, version, term, quota_mode, device_window, quota_amount, alias,
        activation_status, activated_on, expires_on, maintenance_expires_on, project_id, renewed_by_id, notes, created_at, updated_at, used, used_on, search_text)
      SELECT id, item_id, license_id, order_id, product_code, edition, version, term, quota_mode, device_window, quota_amount, alias,
        activation_status, activated_on, expires_on, maintenance_expires_on, project_id, renewed_by_id, notes, created_at, updated_at, used, used_on, search_text
      FROM license_items;
      DROP TABLE license_items;
      ALTER TABLE new_license_items RENAME TO license_items;
      CREATE INDEX license_items_expires ON license_items(expires_on);
      CREATE INDEX license_items_product ON license_items(product_code);
      CREATE INDEX license_items_project ON license_items(project_id);
      CREATE INDEX license_items_status ON license_items(activation_status, expires_on);
      CREATE INDEX license_items_expiry_order ON license_items((expires_on IS NULL), expires_on, id);
      CREATE INDEX license_items_renewed_by ON license_items(renewed_by_id) WHERE renewed_by_id IS NOT NULL;
      CREATE TRIGGER license_search_insert AFTER INSERT ON license_items
      WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred WHERE new.id > since_id) BEGIN
        INSERT INTO license_search(rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER license_search_delete AFTER DELETE ON license_items
      WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred WHERE old.id > since_id) BEGIN
        INSERT INTO license_search(license_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER license_search_update AFTER UPDATE OF search_text ON license_items
      WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred WHERE old.id > since_id) BEGIN
        INSERT INTO license_search(license_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO license_search(rowid, search_text) VALUES (new.id, new.search_text);
      END;

      CREATE TABLE new_license_keys (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL REFERENCES key_kinds(code),
        key_text TEXT NOT NULL UNIQUE,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        session_password_set INTEGER NOT NULL DEFAULT 0 CHECK (session_password_set IN (0, 1)),
        created_at TEXT NOT NULL,
        key_masked TEXT NOT NULL DEFAULT '',
        key_summary TEXT NOT NULL DEFAULT '',
        key_fingerprint TEXT
      ) STRICT;
      INSERT INTO new_license_keys (id, kind, key_text, project_id, session_password_set, created_at, key_masked, key_summary, key_fingerprint)
      SELECT id, kind, key_text, project_id, session_password_set, created_at, key_masked, key_summary, key_fingerprint FROM license_keys;
      DROP TABLE license_keys;
      ALTER TABLE new_license_keys RENAME TO license_keys;
      CREATE INDEX license_keys_project ON license_keys(project_id);
      CREATE UNIQUE INDEX license_keys_fingerprint ON license_keys(key_fingerprint);
    `);
  },
};
