import type { Migration } from './types.js';

/**
 * Products, projects (handshake codes) and license items. CHECK constraints mirror the zod schemas,
 * so a validator bug still cannot store a bad row (reliability.md §3). Literal SQL: the lists and the
 * catalogue are written out as they were when this shipped, never read from today's constants
 * (later changes reach the database through migration 8's tables and db/reference-data.ts).
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
        term TEXT NOT NULL CHECK (term IN ('annual', 'lifetime')),
        quota_mode TEXT NOT NULL CHECK (quota_mode IN ('scans', 'pages', 'devices', 'concurrent-devices', 'concurrent-instances', 'servers', 'domains', 'offline-devices')),
        device_window TEXT CHECK (device_window IS NULL OR device_window IN ('yearly', 'quarterly', 'monthly', 'daily')),
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

      INSERT INTO products (code, name, editions, built_in) VALUES
        ('DWT', 'Dynamic Web TWAIN', '["Core Module","Service Edition Core Module","Barcode Reader Add-on","Webcam Capture Add-on","PDF Rasterizer Add-on","OCR Add-on"]', 1),
        ('DBR', 'Dynamsoft Barcode Reader', '["JavaScript Edition","Mobile Edition","Windows/Linux/Mac Edition","Embedded Edition"]', 1),
        ('DCV', 'Dynamsoft Capture Vision', '["JavaScript Edition","Mobile Edition","Server Edition"]', 1),
        ('DLR', 'Dynamsoft Label Recognizer', '["JavaScript Edition","Mobile Edition","Windows/Linux Edition"]', 1),
        ('DDN', 'Dynamsoft Document Normalizer', '["JavaScript Edition","Mobile Edition","Windows/Linux Edition"]', 1),
        ('DCE', 'Dynamsoft Camera Enhancer', '["JavaScript Edition","Mobile Edition"]', 1),
        ('DCP', 'Dynamsoft Code Parser', '["JavaScript Edition","Mobile Edition","Windows/Linux Edition"]', 1),
        ('MRZ', 'Dynamsoft MRZ Scanner', '["JavaScript Edition","Mobile Edition"]', 1),
        ('MDS', 'Dynamsoft Mobile Document Scanner', '["JavaScript Edition","Mobile Edition"]', 1),
        ('BBS', 'Dynamsoft Batch Barcode Scanner', '["Mobile Edition"]', 1),
        ('DDV', 'Dynamsoft Document Viewer', '["JavaScript Edition"]', 1),
        ('DNT', 'Dynamic .NET TWAIN', '["Standard Edition"]', 1),
        ('DPS', 'Dynamsoft Panorama', '[]', 1);
    `);
  },
};
