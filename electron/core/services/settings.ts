import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from '../../../shared/status/index.js';
import { writeTransaction, type WritableDb } from '../db/connection.js';

export interface SettingsService {
  status(): StatusSettings;
  updateStatus(s: StatusSettings): StatusSettings;
}

/** Settings that change what the data means (status thresholds) live in the database with it. */
export function createSettingsService(db: WritableDb): SettingsService {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  let cached: StatusSettings | null = null;
  return {
    status() {
      if (!cached) {
        const row = get.get('status') as { value: string } | undefined;
        cached = row ? { ...DEFAULT_STATUS_SETTINGS, ...(JSON.parse(row.value) as Partial<StatusSettings>) } : { ...DEFAULT_STATUS_SETTINGS };
      }
      return cached;
    },
    updateStatus(s) {
      writeTransaction(db, () => put.run('status', JSON.stringify(s)));
      cached = { ...s };
      return cached;
    },
  };
}
