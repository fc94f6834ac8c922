import { decodeLicenseKey, describeKey, maskKey, type DecodedKey } from '../../../../shared/keys/license-key.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { isSealed, type Vault } from '../../secrets/vault.js';

/** The columns one stored key occupies: sealed text, and what lists may show without decrypting. */
export function keyColumns(vault: Vault, key: string, decoded: DecodedKey) {
  return { sealed: vault.seal(key), masked: maskKey(key), summary: describeKey(decoded), fingerprint: vault.fingerprint(key) };
}

/** Seals keys stored in clear by an earlier version. Returns how many it sealed. */
export function sealLegacyKeys(db: WritableDb, vault: Vault): number {
  const rows = (db.prepare('SELECT id, key_text FROM license_keys').all() as { id: number; key_text: string }[]).filter((r) => !isSealed(r.key_text));
  if (rows.length === 0) return 0;
  const update = db.prepare('UPDATE license_keys SET key_text = ?, key_masked = ?, key_summary = ?, key_fingerprint = ? WHERE id = ?');
  writeTransaction(db, () => {
    for (const r of rows) {
      let summary: string;
      try {
        summary = describeKey(decodeLicenseKey(r.key_text));
      } catch {
        summary = 'Stored key (no longer readable)';
      }
      update.run(vault.seal(r.key_text), maskKey(r.key_text), summary, vault.fingerprint(r.key_text), r.id);
    }
  });
  return rows.length;
}
