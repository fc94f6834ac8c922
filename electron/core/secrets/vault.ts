import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Wraps the vault's data key with whatever the platform offers: Electron's safeStorage (Keychain,
 * DPAPI, libsecret) in the app; nothing in the loopback preview host, which says so.
 */
export interface KeyProtector {
  kind: 'os' | 'none';
  protect(data: Buffer): Buffer;
  unprotect(data: Buffer): Buffer;
}

export const NO_PROTECTION: KeyProtector = { kind: 'none', protect: (b) => b, unprotect: (b) => b };

export class VaultLockedError extends Error {
  constructor() {
    super('The license keys cannot be unlocked: the system key store no longer opens this computer\'s key file. Nothing was deleted.');
    this.name = 'VaultLockedError';
  }
}

/** License keys at rest (reliability.md decision 10): AES-256-GCM under a random data key. */
export interface Vault {
  readonly protection: KeyProtector['kind'];
  seal(text: string): string;
  open(sealed: string): string;
  /** A keyed hash, so duplicates are found without storing or comparing the clear text. */
  fingerprint(text: string): string;
}

const PREFIX = 'v1:';
export const VAULT_FILE = 'vault.key';

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** A vault over a given data key (openVault loads or creates the key; tests pass one). */
export function createVault(dataKey: Buffer, protection: KeyProtector['kind']): Vault {
  return {
    protection,
    seal(text) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!isSealed(sealed)) throw new Error('Not a sealed value');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', dataKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    fingerprint: (text) => crypto.createHmac('sha256', dataKey).update(text, 'utf8').digest('hex'),
  };
}

/**
 * Opens the vault in `dir`, creating its data key on first use (owner-only file). A key file the
 * protector can no longer unwrap is a locked state, never a reason to make a new key: that would
 * orphan every stored license key.
 */
export function openVault(dir: string, protector: KeyProtector): Vault {
  const file = path.join(dir, VAULT_FILE);
  if (!fs.existsSync(file)) {
    const dataKey = crypto.randomBytes(32);
    fs.writeFileSync(file, protector.protect(dataKey), { mode: 0o600, flag: 'wx' });
    return createVault(dataKey, protector.kind);
  }
  let dataKey: Buffer;
  try {
    dataKey = protector.unprotect(fs.readFileSync(file));
  } catch {
    throw new VaultLockedError();
  }
  if (dataKey.length !== 32) throw new VaultLockedError();
  return createVault(dataKey, protector.kind);
}

/**
 * Stands in when the key file cannot be unwrapped: licenses, projects and imports keep working,
 * and only what needs a key's clear text (reveal, pasting keys) answers with this error.
 */
export function lockedVault(lockedError: () => Error): Vault {
  const refuse = (): never => {
    throw lockedError();
  };
  return { protection: 'none', seal: refuse, open: refuse, fingerprint: refuse };
}
