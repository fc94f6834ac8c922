import type { Migration } from './types.js';

/**
 * Dates an import estimated rather than read (the portal list shows no activation date, so one year
 * before the expiry is assumed): a comma-separated list of field names, NULL when every date was
 * read or typed. Shown as "estimated" until someone records the real date.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'estimated-dates',
  up(db) {
    db.exec(`ALTER TABLE license_items ADD COLUMN estimated_dates TEXT CHECK (estimated_dates IN ('activatedOn', 'expiresOn', 'activatedOn,expiresOn'))`);
  },
};
