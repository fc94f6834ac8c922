import type { Migration } from './types.js';

/**
 * Reminders: what the user dismissed or snoozed (one row per reminder occurrence, gone with its
 * license) and the desktop digests already shown (one per local day, so a restart or a resume never
 * shows the same day's digest twice). Reminder settings are one JSON value in `settings`.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'reminders',
  up(db) {
    db.exec(`
      CREATE TABLE reminder_decisions (
        reminder_id TEXT PRIMARY KEY CHECK (length(reminder_id) BETWEEN 1 AND 200),
        license_item_id INTEGER NOT NULL REFERENCES license_items(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('dismissed', 'snoozed')),
        until TEXT CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        at TEXT NOT NULL,
        CHECK ((action = 'snoozed') = (until IS NOT NULL))
      ) STRICT;
      CREATE INDEX reminder_decisions_license ON reminder_decisions(license_item_id);

      CREATE TABLE reminder_digests (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        shown_at TEXT NOT NULL,
        reminders INTEGER NOT NULL CHECK (reminders >= 0)
      ) STRICT;
    `);
  },
};
