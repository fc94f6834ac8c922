import type { Statement } from 'better-sqlite3';
import { HandshakeCode } from '../../../../shared/domain/primitives.js';
import type { WritableDb } from '../../db/connection.js';
import { AppError } from '../../errors.js';

interface ProjectStatements {
  find: Statement;
  insert: Statement;
}

// Prepared once per connection: compiling a statement costs more than running it.
const prepared = new WeakMap<WritableDb, ProjectStatements>();

function statements(db: WritableDb): ProjectStatements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      find: db.prepare('SELECT id FROM projects WHERE handshake_code = ?'),
      insert: db.prepare('INSERT INTO projects (handshake_code, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    };
    prepared.set(db, s);
  }
  return s;
}

/**
 * Finds the project for a handshake code, creating a bare one (organization ID from the code's
 * prefix, hosting unknown) the first time a license names it. Runs inside the caller's transaction.
 */
export function ensureProject(db: WritableDb, code: string, nowIso: string): number {
  const { find, insert } = statements(db);
  const existing = find.get(code) as { id: number } | undefined;
  if (existing) return existing.id;
  const parsed = HandshakeCode.safeParse(code);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Some values are not valid.', [
      { path: 'projectCode', message: 'A project ID looks like {organizationID}-{suffix}, e.g. 100123456-100654321' },
    ]);
  }
  const organizationId = code.slice(0, code.indexOf('-'));
  return Number(insert.run(code, organizationId, nowIso, nowIso).lastInsertRowid);
}

/**
 * ensureProject remembering each code's id, for one transaction that writes many rows (an import:
 * 100,000 items name a few thousand projects). Use it only inside that transaction: outside it a
 * project may be deleted or renamed.
 */
export function createProjectResolver(db: WritableDb): (code: string, nowIso: string) => number {
  const ids = new Map<string, number>();
  return (code, nowIso) => {
    let id = ids.get(code);
    if (id === undefined) {
      id = ensureProject(db, code, nowIso);
      ids.set(code, id);
    }
    return id;
  };
}
