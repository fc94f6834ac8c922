import { HandshakeCode } from '../../../../shared/domain/primitives.js';
import type { WritableDb } from '../../db/connection.js';
import { AppError } from '../../ipc/errors.js';

/**
 * Finds the project for a handshake code, creating a bare one (organization ID from the code's
 * prefix, hosting unknown) the first time a license names it. Runs inside the caller's transaction.
 */
export function ensureProject(db: WritableDb, code: string, nowIso: string): number {
  const existing = db.prepare('SELECT id FROM projects WHERE handshake_code = ?').get(code) as { id: number } | undefined;
  if (existing) return existing.id;
  const parsed = HandshakeCode.safeParse(code);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Some values are not valid.', [
      { path: 'projectCode', message: 'A project ID looks like {organizationID}-{suffix}, e.g. 100123456-100654321' },
    ]);
  }
  const organizationId = code.slice(0, code.indexOf('-'));
  const info = db
    .prepare('INSERT INTO projects (handshake_code, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(code, organizationId, nowIso, nowIso);
  return Number(info.lastInsertRowid);
}
