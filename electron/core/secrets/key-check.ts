import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqlite.js';
import { writeTransaction, type WritableDb } from '../db/connection.js';
import { BACKUP_KEY_FILE_SETTING, listBackups } from '../db/backup.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { VAULT_FILE, VaultLockedError, createVault, keyCheckValue, unwrapKey, type KeyExpectation, type KeyProtector, type Vault } from './vault.js';

/** The key check value lives in the database, so every backup of the data says which key it needs. */
const KEY_CHECK_SETTING = 'vault.key-check';

const SEALED = "key_text LIKE 'v1:%'";

export function keyExpectation(db: Database.Database): KeyExpectation {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY_CHECK_SETTING) as { value: string } | undefined;
  const sealedKeys = (db.prepare(`SELECT count(*) AS n FROM license_keys WHERE ${SEALED}`).get() as { n: number }).n;
  return { check: row ? (JSON.parse(row.value) as string) : null, sealedKeys };
}

function sampleSealed(db: Database.Database): string | null {
  const row = db.prepare(`SELECT key_text FROM license_keys WHERE ${SEALED} ORDER BY id LIMIT 1`).get() as { key_text: string } | undefined;
  return row?.key_text ?? null;
}

/** Does this data key open what the database holds? By check value, or for older databases by opening a stored key. */
function keyFits(db: Database.Database, expected: KeyExpectation, dataKey: Buffer): boolean {
  if (dataKey.length !== 32) return false;
  if (expected.check !== null) return keyCheckValue(dataKey) === expected.check;
  const sample = sampleSealed(db);
  if (sample === null) return true;
  try {
    createVault(dataKey, 'none').open(sample);
    return true;
  } catch {
    return false;
  }
}

/**
 * Records the vault's check value once its key is known to fit: a database from before check values
 * gets one after a stored key opened; a database whose keys were all lost with the key file gets
 * the new key's value.
 */
export function confirmKey(db: WritableDb, vault: Vault, expected: KeyExpectation): void {
  if (expected.check === vault.check) return;
  if (expected.sealedKeys > 0) {
    const sample = sampleSealed(db);
    try {
      if (sample !== null) vault.open(sample);
    } catch {
      throw new VaultLockedError('replaced', expected.sealedKeys);
    }
  }
  writeTransaction(db, () =>
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY_CHECK_SETTING, JSON.stringify(vault.check)),
  );
}

/** The wrapped key file a backup carries, if any. */
export function embeddedKeyFile(backup: Database.Database): Buffer | null {
  const hasSettings = backup.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
  if (!hasSettings) return null;
  const row = backup.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_KEY_FILE_SETTING) as { value: string } | undefined;
  return row ? Buffer.from(JSON.parse(row.value) as string, 'base64') : null;
}

/**
 * Puts back the key file from the newest backup whose key fits this database. The key file it
 * replaces (if any) is kept beside it as `vault.key.replaced-<time>`, never deleted. Returns the
 * backup's name, or null when no backup holds a fitting key.
 */
export function recoverKeyFile(db: WritableDb, dataDir: string, backupsDir: string, protector: KeyProtector, now: Date): string | null {
  const expected = keyExpectation(db);
  for (const file of listBackups(backupsDir)) {
    let wrapped: Buffer | null;
    try {
      const backup = openSqlite(file, { readonly: true, fileMustExist: true });
      try {
        wrapped = embeddedKeyFile(backup);
      } finally {
        backup.close();
      }
    } catch {
      continue;
    }
    const dataKey = wrapped && wrapped.length > 0 ? unwrapKey(wrapped, protector) : null;
    if (!wrapped || !dataKey || !keyFits(db, expected, dataKey)) continue;
    const keyFile = path.join(dataDir, VAULT_FILE);
    if (fs.existsSync(keyFile) && fs.statSync(keyFile).size > 0) {
      fs.renameSync(keyFile, `${keyFile}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
    }
    writeFileAtomic(keyFile, wrapped);
    return path.basename(file);
  }
  return null;
}
