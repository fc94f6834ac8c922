import Database from 'better-sqlite3';

/**
 * The one place a better-sqlite3 connection is made, so every connection loads the same native
 * build. In the Electron app started by `npm start`, LICENSE_DESK_SQLITE_BINDING names
 * better-sqlite3 built for Electron's ABI (tools/start fetches it into a cache) and goes in as
 * better-sqlite3's `nativeBinding` option; the variable is set for that process only, so the tests
 * and the browser host keep node_modules' Node build. Worker threads inherit it with the environment.
 * Installers carry the Electron build in place of the Node one (scripts/after-pack.mjs), so no variable.
 */
export const SQLITE_BINDING_ENV = 'LICENSE_DESK_SQLITE_BINDING';

export function sqliteBinding(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[SQLITE_BINDING_ENV] || undefined;
}

export function openSqlite(file: string | Buffer, options: Database.Options = {}): Database.Database {
  const nativeBinding = sqliteBinding();
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}
