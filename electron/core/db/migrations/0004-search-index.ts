import type { Migration } from './types.js';

/**
 * For the 100,000-item list: an index in the default sort order (soonest expiry first, undated
 * last), and a trigram full-text index over each item's search text so substring search stops
 * scanning every row. Triggers keep the index in step with license_items whatever code writes it.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'search-index',
  up(db) {
    db.exec(`
      CREATE INDEX license_items_expiry_order ON license_items((expires_on IS NULL), expires_on, id);

      CREATE VIRTUAL TABLE license_search USING fts5(search_text, content = 'license_items', content_rowid = 'id', tokenize = 'trigram');
      INSERT INTO license_search(license_search) VALUES ('rebuild');

      -- While a bulk import holds a row here (inside its own transaction), new rows are indexed in one
      -- INSERT … SELECT at the end instead: interleaving per-row index writes with the table's is
      -- several times slower and grows worse than linearly with the import's size.
      CREATE TABLE search_index_deferred (since_id INTEGER NOT NULL) STRICT;

      CREATE TRIGGER license_search_insert AFTER INSERT ON license_items
      WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred WHERE new.id > since_id) BEGIN
        INSERT INTO license_search(rowid, search_text) VALUES (new.id, new.search_text);
      END;
      -- Rows added under a hold are not in the index yet, so changing or deleting them must not touch it.
      CREATE TRIGGER license_search_delete AFTER DELETE ON license_items
      WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred WHERE old.id > since_id) BEGIN
        INSERT INTO license_search(license_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER license_search_update AFTER UPDATE OF search_text ON license_items
      WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred WHERE old.id > since_id) BEGIN
        INSERT INTO license_search(license_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO license_search(rowid, search_text) VALUES (new.id, new.search_text);
      END;
    `);
  },
};
