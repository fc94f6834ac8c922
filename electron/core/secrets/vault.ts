import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../platform/atomic-file.js';

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

/** Why the keys are locked: each has its own message, so the user is told what actually happened. */
export type LockReason = 'unwrap' | 'missing' | 'replaced' | 'damaged';

const keysPhrase = (n: number) => (n === 1 ? '1 stored key cannot be opened' : `${n} stored keys cannot be opened`);

function lockMessage(reason: LockReason, sealedKeys: number): string {
  switch (reason) {
    case 'unwrap':
      return "The license keys cannot be unlocked: the system key store no longer opens this computer's key file. Nothing was deleted.";
    case 'missing':
      return `The key file (${VAULT_FILE}) is missing: ${keysPhrase(sealedKeys)}; restore the key file from a backup. Nothing was deleted.`;
    case 'replaced':
      return `The key file was replaced: ${keysPhrase(sealedKeys)}; restore the key file from a backup. Nothing was deleted.`;
    case 'damaged':
      return `The key file (${VAULT_FILE}) is damaged: ${keysPhrase(sealedKeys)}; restore the key file from a backup. Nothing was deleted.`;
  }
}

export class VaultLockedError extends Error {
  constructor(
    readonly reason: LockReason = 'unwrap',
    readonly sealedKeys = 0,
  ) {
    super(lockMessage(reason, sealedKeys));
    this.name = 'VaultLockedError';
  }
}

/**
 * What the database knows about the key that sealed its keys: the key check value recorded when the
 * key was made (null in databases from before it existed) and how many sealed keys depend on it.
 */
export interface KeyExpectation {
  check: string | null;
  sealedKeys: number;
}

const NO_EXPECTATION: KeyExpectation = { check: null, sealedKeys: 0 };

/** A value derived from the data key that reveals nothing about it, so a different key is told apart. */
export function keyCheckValue(dataKey: Buffer): string {
  return crypto.createHmac('sha256', dataKey).update('license-desk key check v1').digest('hex').slice(0, 32);
}

/** License keys at rest (docs/engineering-notes.md §S3): AES-256-GCM under a random data key. */
export interface Vault {
  readonly protection: KeyProtector['kind'];
  /** keyCheckValue of the data key; empty for a locked vault. */
  readonly check: string;
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
    check: keyCheckValue(dataKey),
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

function createKeyFile(file: string, protector: KeyProtector): Vault {
  const dataKey = crypto.randomBytes(32);
  writeFileAtomic(file, protector.protect(dataKey));
  return createVault(dataKey, protector.kind);
}

/**
 * Opens the vault in `dir`. A new key is made only when no stored key depends on the old one (a
 * first start, or a key file lost before any key was pasted); otherwise a missing, empty, foreign or
 * unwrappable key file is a locked state with its own message, never a silent new key: that would
 * orphan every stored license key and let a re-pasted key be stored twice.
 */
export function openVault(dir: string, protector: KeyProtector, expected: KeyExpectation = NO_EXPECTATION): Vault {
  const file = path.join(dir, VAULT_FILE);
  const depends = expected.sealedKeys > 0;
  if (!fs.existsSync(file)) {
    if (depends) throw new VaultLockedError('missing', expected.sealedKeys);
    return createKeyFile(file, protector);
  }
  const wrapped = fs.readFileSync(file);
  if (wrapped.length === 0) {
    if (depends) throw new VaultLockedError('damaged', expected.sealedKeys);
    return createKeyFile(file, protector);
  }
  const dataKey = unwrapKey(wrapped, protector);
  if (!dataKey) throw new VaultLockedError('unwrap', expected.sealedKeys);
  if (dataKey.length !== 32) {
    if (depends) throw new VaultLockedError('damaged', expected.sealedKeys);
    return createKeyFile(file, protector);
  }
  if (depends && expected.check !== null && keyCheckValue(dataKey) !== expected.check) throw new VaultLockedError('replaced', expected.sealedKeys);
  return createVault(dataKey, protector.kind);
}

/** The data key inside a wrapped key file, or null when the protector cannot unwrap it. */
export function unwrapKey(wrapped: Buffer, protector: KeyProtector): Buffer | null {
  try {
    return protector.unprotect(wrapped);
  } catch {
    return null;
  }
}

/**
 * Stands in when the key file cannot be unwrapped: licenses, projects and imports keep working,
 * and only what needs a key's clear text (reveal, pasting keys) answers with this error.
 */
export function lockedVault(lockedError: () => Error): Vault {
  const refuse = (): never => {
    throw lockedError();
  };
  return { protection: 'none', check: '', seal: refuse, open: refuse, fingerprint: refuse };
}
