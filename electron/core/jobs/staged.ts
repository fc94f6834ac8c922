import crypto from 'node:crypto';
import { STAGED_IMPORT_MINUTES, type StageInput, type StagedImport } from '../../../shared/domain/import.js';
import { AppError } from '../errors.js';

export interface StagedFile extends StagedImport {
  text: string;
}

export interface StagedImports {
  stage(input: StageInput): StagedImport;
  /** The staged file, its expiry pushed back; NOT_FOUND with words for people when it is gone. */
  get(stagedId: string): StagedFile;
  discard(stagedId: string): boolean;
  /** Drops what has expired; runs on every call and on a timer. */
  sweep(): void;
  close(): void;
}

/** At most this many files are held at once (each up to 64 MB); staging another drops the oldest. */
export const MAX_STAGED = 3;

export function goneMessage(): string {
  return `The chosen file is no longer held for import: files are let go ${STAGED_IMPORT_MINUTES} minutes after their last use, once imported, or when more than ${MAX_STAGED} are chosen. Choose the file again.`;
}

/**
 * Files chosen for import, held on the main side between preview and commit so the text crosses
 * IPC once. Held in memory only: a restart lets them go, like an expiry.
 */
export function createStagedImports(options: { now?: () => number; ttlMs?: number } = {}): StagedImports {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? STAGED_IMPORT_MINUTES * 60_000;
  const held = new Map<string, StagedFile & { expires: number }>();
  const timer = setInterval(() => sweep(), 60_000);
  timer.unref();

  function sweep() {
    const t = now();
    for (const [id, f] of held) if (f.expires <= t) held.delete(id);
  }

  const publicView = (f: StagedFile): StagedImport => ({ stagedId: f.stagedId, fileName: f.fileName, format: f.format, bytes: f.bytes, sha256: f.sha256, expiresAt: f.expiresAt });

  return {
    stage(input) {
      sweep();
      while (held.size >= MAX_STAGED) held.delete(held.keys().next().value!);
      const expires = now() + ttl;
      const file = {
        stagedId: `stg-${crypto.randomBytes(12).toString('base64url')}`,
        format: input.format,
        fileName: input.fileName,
        text: input.text,
        bytes: Buffer.byteLength(input.text, 'utf8'),
        sha256: crypto.createHash('sha256').update(input.text).digest('hex'),
        expiresAt: new Date(expires).toISOString(),
        expires,
      };
      held.set(file.stagedId, file);
      return publicView(file);
    },
    get(stagedId) {
      sweep();
      const f = held.get(stagedId);
      if (!f) throw new AppError('NOT_FOUND', goneMessage());
      f.expires = now() + ttl;
      f.expiresAt = new Date(f.expires).toISOString();
      return f;
    },
    discard: (stagedId) => held.delete(stagedId),
    sweep,
    close() {
      clearInterval(timer);
      held.clear();
    },
  };
}
