import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqlite.js';
import { BACKUP_KEY_FILE_SETTING } from '../db/backup.js';
import type { WritableDb } from '../db/connection.js';
import { syncDir } from '../platform/atomic-file.js';
import { sealLegacyKeys } from '../services/projects/key-store.js';
import { isSealed, type Vault } from './vault.js';

/**
 * Versions before sealed keys stored license keys in clear, and clear copies outlive the sealing in
 * three places: `sqlite_stat4` (ANALYZE samples whole index keys, so the UNIQUE index on key_text
 * put entire keys there), the free space of the file and its WAL, and the `before-v5` backup taken
 * just before the upgrade. This module removes all three, once, after the keys have been sealed.
 */

const SCRUBBED_SETTING = 'maintenance.clear-keys-scrubbed';

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}

function clearKeyCount(db: Database.Database): number {
  if (!hasTable(db, 'license_keys')) return 0;
  return (db.prepare('SELECT key_text FROM license_keys').all() as { key_text: string }[]).filter((r) => !isSealed(r.key_text)).length;
}

/** Statistics rows for license_keys; stat1 holds only counts, but stat4 holds sampled key values. */
function purgeKeyStatistics(db: Database.Database): void {
  for (const stat of ['sqlite_stat1', 'sqlite_stat4']) {
    if (hasTable(db, stat)) db.prepare(`DELETE FROM ${stat} WHERE tbl = 'license_keys'`).run();
  }
}

/** True when statistics could still sample clear keys: ANALYZE must wait until every key is sealed. */
export function holdsClearKeys(db: WritableDb): boolean {
  return clearKeyCount(db) > 0;
}

/**
 * Refreshes the planner's statistics without ever sampling a clear key. With every key sealed:
 * PRAGMA optimize (`flags` as that pragma takes them). While some sit in clear (a locked key store
 * kept them from being sealed): ANALYZE of license_items alone, whose samples hold no key, so the
 * list's filters still find their indexes; at open (`onlyIfMissing`) only when it has none yet.
 */
export function refreshStatistics(db: WritableDb, options: { flags?: number; onlyIfMissing?: boolean } = {}): void {
  if (!holdsClearKeys(db)) {
    db.pragma(options.flags === undefined ? 'optimize' : `optimize = 0x${options.flags.toString(16)}`);
    return;
  }
  const has = hasTable(db, 'sqlite_stat1') && db.prepare("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'license_items'").get() !== undefined;
  if (!(options.onlyIfMissing && has)) db.exec('ANALYZE license_items');
}

/**
 * Rewrites the live database without any clear-key residue, once per database that ever held keys:
 * statistics purged, VACUUM (fresh pages: no free-space leftovers), statistics gathered again from
 * the sealed rows, and the WAL truncated, since it still holds the pages written before sealing.
 * Returns true when it ran. A crash part-way leaves the flag unset, so the next start runs it again.
 */
export function scrubClearKeyResidue(db: WritableDb, nowIso: string): boolean {
  if (holdsClearKeys(db)) return false;
  const done = db.prepare('SELECT 1 FROM settings WHERE key = ?').get(SCRUBBED_SETTING) !== undefined;
  if (done) return false;
  const keyCount = (db.prepare('SELECT count(*) AS n FROM license_keys').get() as { n: number }).n;
  if (keyCount > 0) {
    db.transaction(() => purgeKeyStatistics(db)).immediate();
    // VACUUM's scratch copy holds only sealed rows now; keep it in memory all the same.
    db.pragma('temp_store = MEMORY');
    db.exec('VACUUM');
    db.pragma('temp_store = DEFAULT');
    db.exec('ANALYZE');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(SCRUBBED_SETTING, JSON.stringify(nowIso));
  return keyCount > 0;
}

/** Overwrites a file's bytes with zeros and syncs before unlinking, so the clear copy is not left in its blocks. */
export function overwriteAndRemove(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file);
}

/** Seals a backup's keys in memory, at the backup's own schema version, and returns the new file image. */
function sealedImage(file: string, vault: Vault, keyFile: string): Buffer {
  const mem = openSqlite(fs.readFileSync(file));
  try {
    if (mem.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity check failed');
    mem.transaction(() => {
      if (hasColumn(mem, 'license_keys', 'key_fingerprint')) {
        sealLegacyKeys(mem as WritableDb, vault);
      } else {
        // Before schema 5 the only key column is key_text; the masked and summary columns are filled
        // by sealLegacyKeys once such a backup is restored and migrated.
        const update = mem.prepare('UPDATE license_keys SET key_text = ? WHERE id = ?');
        for (const r of mem.prepare('SELECT id, key_text FROM license_keys').all() as { id: number; key_text: string }[]) {
          if (!isSealed(r.key_text)) update.run(vault.seal(r.key_text), r.id);
        }
      }
      purgeKeyStatistics(mem);
      if (hasTable(mem, 'settings') && fs.existsSync(keyFile)) {
        mem.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(BACKUP_KEY_FILE_SETTING, JSON.stringify(fs.readFileSync(keyFile).toString('base64')));
      }
    })();
    mem.exec('VACUUM');
    return mem.serialize();
  } finally {
    mem.close();
  }
}

export interface BackupScrubResult {
  resealed: string[];
  removed: string[];
}

/**
 * Every backup that still holds a clear key is rewritten with its keys sealed (temporary name,
 * fsync, verify, old bytes zeroed, rename over), so restoring it still works. One that cannot be
 * read as a database is zeroed and removed: it could not be restored anyway, and it leaks keys.
 */
export function sealLegacyBackups(backupsDir: string, vault: Vault, keyFile: string): BackupScrubResult {
  const result: BackupScrubResult = { resealed: [], removed: [] };
  if (!fs.existsSync(backupsDir)) return result;
  for (const leftover of fs.readdirSync(backupsDir).filter((f) => f.endsWith('.sqlite.old') || f.endsWith('.sqlite.sealing'))) {
    overwriteAndRemove(path.join(backupsDir, leftover));
  }
  for (const name of fs.readdirSync(backupsDir).filter((f) => f.endsWith('.sqlite')).sort()) {
    const file = path.join(backupsDir, name);
    let needs: boolean;
    try {
      const db = openSqlite(file, { readonly: true, fileMustExist: true });
      try {
        // Statistics of a scrubbed database sample sealed text only; without the flag they may hold clear keys.
        const stats = hasTable(db, 'sqlite_stat4') && db.prepare("SELECT 1 FROM sqlite_stat4 WHERE tbl = 'license_keys'").get() !== undefined;
        const scrubbed = hasTable(db, 'settings') && db.prepare('SELECT 1 FROM settings WHERE key = ?').get(SCRUBBED_SETTING) !== undefined;
        needs = clearKeyCount(db) > 0 || (stats && !scrubbed);
      } finally {
        db.close();
      }
    } catch {
      needs = true;
    }
    if (!needs) continue;
    let image: Buffer | null;
    try {
      image = sealedImage(file, vault, keyFile);
    } catch {
      image = null;
    }
    if (!image) {
      overwriteAndRemove(file);
      result.removed.push(name);
      continue;
    }
    const tmp = `${file}.sealing`;
    fs.rmSync(tmp, { force: true });
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, image);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const check = openSqlite(tmp, { readonly: true, fileMustExist: true });
    try {
      if (check.pragma('integrity_check', { simple: true }) !== 'ok' || clearKeyCount(check) > 0) throw new Error(`The resealed copy of ${name} did not verify.`);
    } finally {
      check.close();
    }
    // A second name keeps the clear inode reachable until the sealed copy is in place, so a crash at
    // any point leaves a complete backup under its own name; the next start zeroes a leftover `.old`.
    const old = `${file}.old`;
    fs.rmSync(old, { force: true });
    fs.linkSync(file, old);
    fs.renameSync(tmp, file);
    syncDir(backupsDir);
    overwriteAndRemove(old);
    result.resealed.push(name);
  }
  return result;
}
