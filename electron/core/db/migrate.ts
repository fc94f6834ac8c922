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
  // Foreign keys off while migrating (the pragma is ignored inside a transaction, so it goes around
  // it): rebuilding a table means DROP TABLE, which with them on would first cascade-delete every
  // child row. They are checked in full before the commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length > 0) throw new Error(`Migration left ${broken.length} rows whose references are broken (first: ${broken[0]!.table} → ${broken[0]!.parent}); nothing was changed.`);
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return schemaVersion(db);
}
