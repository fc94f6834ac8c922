import type { OpenedStore } from '../db/store.js';
import { sealLegacyKeys } from '../services/projects/key-store.js';
import { scrubClearKeyResidue, sealLegacyBackups } from './clear-keys.js';
import { confirmKey, keyExpectation, recoverKeyFile } from './key-check.js';
import { VAULT_FILE, VaultLockedError, openVault, type KeyProtector, type Vault } from './vault.js';
import path from 'node:path';

function openChecked(store: OpenedStore, protector: KeyProtector): Vault {
  const expected = keyExpectation(store.db);
  const vault = openVault(store.paths.dir, protector, expected);
  confirmKey(store.db, vault, expected);
  return vault;
}

const LOST: Record<string, string> = { missing: 'was missing', replaced: 'had been replaced by another one', damaged: 'was damaged' };

/**
 * Opens the key vault for the store. A key file that is missing, empty or not the one the stored
 * keys were sealed with is put back from the newest backup that carries the right one; only when
 * none does is the vault locked (VaultLockedError, with a message naming what happened).
 */
export function openKeyVault(store: OpenedStore, protector: KeyProtector, notices: string[]): Vault {
  try {
    return openChecked(store, protector);
  } catch (err) {
    if (!(err instanceof VaultLockedError) || err.reason === 'unwrap') throw err;
    const from = recoverKeyFile(store.db, store.paths.dir, store.paths.backupsDir, protector, new Date());
    if (from === null) throw err;
    notices.push(`The key file (${path.basename(VAULT_FILE)}) ${LOST[err.reason]}; it was restored from the backup ${from}, and every stored key opens again.`);
    return openChecked(store, protector);
  }
}

/**
 * After the keys are sealed: the live file rewritten without clear residue, and every backup that
 * still holds a clear key resealed or, if unreadable, securely removed. Returns what to tell the user.
 * Quarantined files are never rewritten: the notice about those that hold clear keys is the
 * quarantine list's (services/quarantine.ts), shown above every page for as long as they are there.
 */
export function removeClearKeyCopies(store: OpenedStore, vault: Vault, nowIso: string): string[] {
  const notices: string[] = [];
  sealLegacyKeys(store.db, vault);
  scrubClearKeyResidue(store.db, nowIso);
  const backups = sealLegacyBackups(store.paths.backupsDir, vault, path.join(store.paths.dir, VAULT_FILE));
  if (backups.resealed.length > 0) {
    notices.push(
      `${backups.resealed.length === 1 ? 'A backup' : `${backups.resealed.length} backups`} made by an earlier version held license keys unencrypted ` +
        `(${backups.resealed.join(', ')}); the keys in ${backups.resealed.length === 1 ? 'it' : 'them'} are now encrypted like the rest, and the unencrypted copy was overwritten.`,
    );
  }
  if (backups.removed.length > 0) {
    notices.push(`${backups.removed.join(', ')} held license keys unencrypted and could not be read as a database, so ${backups.removed.length === 1 ? 'it was' : 'they were'} overwritten and removed.`);
  }
  return notices;
}
