import type { Migration } from './types.js';

/**
 * Indexes for the list's default order, urgency, read as runs that each come out of an index in
 * order (electron/core/services/licenses/page-query.ts). Items not renewed, by expiry with ties by
 * id both ways up (running items soonest first; expired ones most recently expired first, ties by
 * id ascending: expires_on DESC, id), and renewed items by id. Partial and holding every column the
 * runs read, so a page deep in the list skips the items before it inside the index alone. And the
 * product filter with an expiry range (status filters imply one) reads only that product's range.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'urgency-order',
  up(db) {
    db.exec(`
      CREATE INDEX license_items_live_expiry ON license_items(expires_on, id, renewed_by_id) WHERE renewed_by_id IS NULL;
      CREATE INDEX license_items_live_expired ON license_items(expires_on DESC, id, renewed_by_id) WHERE renewed_by_id IS NULL;
      CREATE INDEX license_items_renewed_order ON license_items(id, renewed_by_id) WHERE renewed_by_id IS NOT NULL;
      CREATE INDEX license_items_product_expiry ON license_items(product_code, expires_on);
    `);
  },
};
