import { CompanyProfile, defaultPoSettings, PoSettings } from '../../../../shared/domain/company.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError } from '../../errors.js';

export interface ProfileService {
  /** Null until the user has filled in the company profile. */
  company(): CompanyProfile | null;
  updateCompany(p: CompanyProfile): CompanyProfile;
  poSettings(): PoSettings;
  updatePoSettings(s: PoSettings): PoSettings;
}

/** PO settings as stored: everything but the sequence, which lives in po_counter. */
type StoredPoSettings = Omit<PoSettings, 'nextSequence'>;

/**
 * The company profile and PO settings, JSON rows in `settings` beside the status thresholds. A stored
 * value that no longer passes today's schema (an older app wrote it) falls back field by field to the
 * defaults rather than failing the page.
 */
export function createProfileService(db: WritableDb, locale: string): ProfileService {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const counter = db.prepare('SELECT next_sequence AS n FROM po_counter WHERE id = 1');
  const setCounter = db.prepare('UPDATE po_counter SET next_sequence = ? WHERE id = 1');

  function stored(key: string): unknown {
    const row = get.get(key) as { value: string } | undefined;
    return row ? JSON.parse(row.value) : null;
  }

  function poSettings(): PoSettings {
    const defaults = defaultPoSettings(locale);
    const saved = stored('po');
    const nextSequence = (counter.get() as { n: number }).n;
    const merged = { ...defaults, ...(saved && typeof saved === 'object' ? saved : {}), nextSequence };
    const parsed = PoSettings.safeParse(merged);
    return parsed.success ? parsed.data : { ...defaults, nextSequence };
  }

  return {
    company() {
      const parsed = CompanyProfile.safeParse(stored('company'));
      return parsed.success ? parsed.data : null;
    },
    updateCompany(p) {
      writeTransaction(db, () => put.run('company', JSON.stringify(p)));
      return p;
    },
    poSettings,
    updatePoSettings(s) {
      writeTransaction(db, () => {
        const current = (counter.get() as { n: number }).n;
        if (s.nextSequence < current) {
          throw new AppError('INVALID_INPUT', `PO numbers up to ${current - 1} have been used; the next number can only move forward.`, [
            { path: 'nextSequence', message: `At least ${current}` },
          ]);
        }
        const { nextSequence, ...rest } = s;
        put.run('po', JSON.stringify(rest satisfies StoredPoSettings));
        setCounter.run(nextSequence);
      });
      return poSettings();
    },
  };
}
