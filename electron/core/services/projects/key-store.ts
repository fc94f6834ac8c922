import { decodeLicenseKey, describeKey, maskKey, type DecodedKey } from '../../../../shared/keys/license-key.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { isSealed, type Vault } from '../../secrets/vault.js';

/** The columns one stored key occupies: sealed text, and what lists may show without decrypting. */
export function keyColumns(vault: Vault, key: string, decoded: DecodedKey) {
  return { sealed: vault.seal(key), masked: maskKey(key), summary: describeKey(decoded), fingerprint: vault.fingerprint(key) };
}

/**
 * Seals keys stored in clear by an earlier version, and fills the list columns of keys that a
 * resealed pre-v5 backup brought back sealed but without them. Returns how many rows it changed.
 */
export function sealLegacyKeys(db: WritableDb, vault: Vault): number {
  const rows = (db.prepare('SELECT id, key_text, key_fingerprint FROM license_keys').all() as { id: number; key_text: string; key_fingerprint: string | null }[]).filter(
    (r) => !isSealed(r.key_text) || r.key_fingerprint === null,
  );
  if (rows.length === 0) return 0;
  const update = db.prepare('UPDATE license_keys SET key_text = ?, key_masked = ?, key_summary = ?, key_fingerprint = ? WHERE id = ?');
  writeTransaction(db, () => {
    for (const r of rows) {
      let clear: string;
      try {
        clear = isSealed(r.key_text) ? vault.open(r.key_text) : r.key_text;
      } catch {
        // Sealed under another data key: left exactly as it is, for the key file that opens it.
        continue;
      }
      let summary: string;
      try {
        summary = describeKey(decodeLicenseKey(clear));
      } catch {
        summary = 'Stored key (no longer readable)';
      }
      update.run(isSealed(r.key_text) ? r.key_text : vault.seal(clear), maskKey(clear), summary, vault.fingerprint(clear), r.id);
    }
  });
  return rows.length;
}
