import { PRODUCT_CATALOGUE } from '../../../../shared/domain/catalogue.js';
import { DEVICE_WINDOWS, LICENSE_TERMS, QUOTA_MODES } from '../../../../shared/domain/quota.js';
import type { Migration } from './types.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Products, projects (handshake codes) and license items. CHECK constraints mirror the zod schemas,
 * so a validator bug still cannot store a bad row (reliability.md §3).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'licenses',
  up(db) {
    db.exec(`
      CREATE TABLE products (
        code TEXT PRIMARY KEY CHECK (code GLOB '[A-Z]*' AND length(code) BETWEEN 2 AND 16),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        editions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(editions)),
        built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1))
      ) STRICT;

      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        handshake_code TEXT NOT NULL UNIQUE,
        organization_id TEXT NOT NULL CHECK (organization_id GLOB '[0-9]*'),
        hosting TEXT NOT NULL DEFAULT 'unknown' CHECK (hosting IN ('dynamsoft', 'self', 'unknown')),
        main_server_url TEXT,
        standby_server_url TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE license_items (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL UNIQUE CHECK (item_id GLOB '[0-9]*'),
        license_id TEXT,
        order_id TEXT,
        product_code TEXT NOT NULL REFERENCES products(code) ON UPDATE CASCADE,
        edition TEXT,
        version TEXT,
        term TEXT NOT NULL CHECK (term IN (${list(LICENSE_TERMS)})),
        quota_mode TEXT NOT NULL CHECK (quota_mode IN (${list(QUOTA_MODES)})),
        device_window TEXT CHECK (device_window IS NULL OR device_window IN (${list(DEVICE_WINDOWS)})),
        quota_amount INTEGER NOT NULL CHECK (quota_amount > 0),
        alias TEXT,
        activation_status TEXT NOT NULL CHECK (activation_status IN ('new', 'activated')),
        activated_on TEXT CHECK (activated_on IS NULL OR activated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        expires_on TEXT CHECK (expires_on IS NULL OR expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        maintenance_expires_on TEXT,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        renewed_by_id INTEGER REFERENCES license_items(id) ON DELETE SET NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX license_items_expires ON license_items(expires_on);
      CREATE INDEX license_items_product ON license_items(product_code);
      CREATE INDEX license_items_project ON license_items(project_id);
    `);
    const insert = db.prepare('INSERT INTO products (code, name, editions, built_in) VALUES (?, ?, ?, 1)');
    for (const p of PRODUCT_CATALOGUE) insert.run(p.code, p.name, JSON.stringify(p.editions));
  },
};
