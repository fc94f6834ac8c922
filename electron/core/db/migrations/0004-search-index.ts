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

      CREATE TRIGGER license_search_insert AFTER INSERT ON license_items BEGIN
        INSERT INTO license_search(rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER license_search_delete AFTER DELETE ON license_items BEGIN
        INSERT INTO license_search(license_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER license_search_update AFTER UPDATE OF search_text ON license_items BEGIN
        INSERT INTO license_search(license_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO license_search(rowid, search_text) VALUES (new.id, new.search_text);
      END;
    `);
  },
};
