import type { Migration } from './types.js';

/**
 * Orders (renewals, added quota, new licenses), their lines, and every change of state with its time.
 * Literal SQL only: the lists in the CHECKs are the values of shared/domain/order.ts on the day this
 * migration was written, and must not follow later edits of those constants.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'orders',
  up(db) {
    db.exec(`
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('new', 'renewal', 'add-quota')),
        channel TEXT NOT NULL CHECK (channel IN ('store', 'purchase-order', 'reseller')),
        state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'fulfilled', 'cancelled')),
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        reseller TEXT,
        reference TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        requested_on TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        co_term_on TEXT CHECK (co_term_on IS NULL OR co_term_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        checklist TEXT NOT NULL DEFAULT '{"download":false,"import":false,"attach":false}' CHECK (json_valid(checklist)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX orders_state ON orders(state, kind);

      CREATE TABLE order_lines (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        source_id INTEGER REFERENCES license_items(id) ON DELETE SET NULL,
        product_code TEXT NOT NULL,
        product_name TEXT NOT NULL,
        edition TEXT,
        term TEXT NOT NULL CHECK (term IN ('annual', 'lifetime')),
        quota_mode TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        item_id TEXT,
        license_id TEXT,
        handshake_code TEXT,
        current_expiry TEXT,
        requested_start TEXT,
        requested_end TEXT,
        days_adjusted INTEGER NOT NULL DEFAULT 0,
        fulfilled_by_id INTEGER REFERENCES license_items(id) ON DELETE SET NULL,
        UNIQUE (order_id, position)
      ) STRICT;
      CREATE INDEX order_lines_source ON order_lines(source_id);
      CREATE INDEX order_lines_fulfilled_by ON order_lines(fulfilled_by_id);

      CREATE TABLE order_events (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        from_state TEXT CHECK (from_state IS NULL OR from_state IN ('draft', 'sent', 'fulfilled', 'cancelled')),
        to_state TEXT NOT NULL CHECK (to_state IN ('draft', 'sent', 'fulfilled', 'cancelled')),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX order_events_order ON order_events(order_id, at);
    `);
  },
};
