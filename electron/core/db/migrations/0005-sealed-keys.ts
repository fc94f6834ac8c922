import type { Migration } from './types.js';

/**
 * License keys become sealed (encrypted) at rest. What lists show is stored beside the sealed text
 * (the masked form and a one-line summary, neither secret), so only "reveal" ever decrypts, and a
 * keyed fingerprint finds duplicates. Existing clear-text rows are sealed by the core right after
 * migrating (sealLegacyKeys): migrations have no access to the data key.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'sealed-keys',
  up(db) {
    db.exec(`
      ALTER TABLE license_keys ADD COLUMN key_masked TEXT NOT NULL DEFAULT '';
      ALTER TABLE license_keys ADD COLUMN key_summary TEXT NOT NULL DEFAULT '';
      ALTER TABLE license_keys ADD COLUMN key_fingerprint TEXT;
      CREATE UNIQUE INDEX license_keys_fingerprint ON license_keys(key_fingerprint);
    `);
  },
};
