import type { WritableDb } from './connection.js';
import { schemaVersion } from './connection.js';
import type { Migration } from './migrations/types.js';

export class NewerDatabaseError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This data file was written by a newer version of License Desk (schema version ${databaseVersion}); ` +
        `this version understands schema version ${appVersion} at most. The file was left untouched; ` +
        'install the newer License Desk to open it.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Refuses a list that is not exactly 1..N, so a mis-merged or edited list fails loudly. */
export function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is out of order at ${m.name}: expected version ${i + 1}, got ${m.version}`);
  });
}

export function pendingMigrations(db: WritableDb, migrations: readonly Migration[]): Migration[] {
  assertContiguous(migrations);
  const current = schemaVersion(db);
  if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
  return migrations.slice(current);
}

/**
 * Runs every pending migration in ONE immediate transaction, with the user_version bump inside it,
 * so a failure at any step leaves the database exactly as it was.
 */
export function migrate(db: WritableDb, migrations: readonly Migration[], target = migrations.length): number {
  const pending = pendingMigrations(db, migrations).filter((m) => m.version <= target);
  if (pending.length === 0) return schemaVersion(db);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}
