import type { Migration } from './types.js';

/**
 * Purchase orders with their number ledger, the reseller directory and the purchase history imported
 * from the customer portal (My Orders and Quote lists). The company profile and PO settings are JSON
 * in `settings` like the other settings; the PO sequence is a row here so that taking a number is
 * part of the same write transaction as creating the PO.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'purchases',
  up(db) {
    db.exec(`
      CREATE TABLE po_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        next_sequence INTEGER NOT NULL CHECK (next_sequence >= 1)
      ) STRICT;
      INSERT INTO po_counter (id, next_sequence) VALUES (1, 1);

      -- Every PO number ever handed out. Rows are never deleted, so a number freed by deleting or
      -- cancelling a PO is never handed out again, whatever the prefix or sequence is set to later.
      CREATE TABLE po_numbers (
        number TEXT PRIMARY KEY,
        issued_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER po_numbers_keep BEFORE DELETE ON po_numbers
        BEGIN SELECT RAISE(ABORT, 'PO numbers are never released'); END;

      CREATE TABLE purchase_orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE REFERENCES po_numbers(number),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'cancelled')),
        currency TEXT NOT NULL,
        total_minor INTEGER NOT NULL,
        draft TEXT NOT NULL CHECK (json_valid(draft)),
        source_order_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        pdf_file TEXT,
        eml_file TEXT,
        generated_at TEXT
      ) STRICT;
      CREATE INDEX purchase_orders_source ON purchase_orders(source_order_id);

      CREATE TABLE resellers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE purchase_records (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'quote')),
        ref_id TEXT NOT NULL,
        paid INTEGER CHECK (paid IS NULL OR paid IN (0, 1)),
        user_email TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        created_on TEXT,
        valid_from TEXT,
        valid_to TEXT,
        amount_minor INTEGER,
        currency TEXT NOT NULL DEFAULT 'USD',
        imported_at TEXT NOT NULL,
        UNIQUE (kind, ref_id)
      ) STRICT;

      CREATE TABLE purchase_record_lines (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES purchase_records(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        item_id TEXT,
        referrer_item_id TEXT,
        product_name TEXT NOT NULL,
        quantity INTEGER,
        amount_minor INTEGER,
        UNIQUE (record_id, position)
      ) STRICT;

      CREATE INDEX license_items_by_order_id ON license_items(order_id);
    `);
  },
};
