import type { Migration } from './types.js';

/**
 * license_items_product (product_code) is a prefix of license_items_product_expiry (product_code,
 * expires_on, from 0013): every lookup by product alone (the product filter, a product's delete
 * check) is served by the longer index, so the short one was only a cost, kept up on every insert
 * of a 100,000-row import.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'drop-product-index',
  up(db) {
    db.exec('DROP INDEX license_items_product;');
  },
};
