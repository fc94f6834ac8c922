import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_BINDING_ENV, openSqlite, sqliteBinding } from '../../../electron/core/db/sqlite.js';

const saved = process.env[SQLITE_BINDING_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[SQLITE_BINDING_ENV];
  else process.env[SQLITE_BINDING_ENV] = saved;
});

describe('openSqlite', () => {
  it('uses node_modules’ own build when no binding is named (tests, browser host)', () => {
    delete process.env[SQLITE_BINDING_ENV];
    expect(sqliteBinding()).toBeUndefined();
    expect(sqliteBinding({ [SQLITE_BINDING_ENV]: '' })).toBeUndefined();
    const db = openSqlite(':memory:');
    expect(db.prepare('select 1 as n').get()).toEqual({ n: 1 });
    db.close();
  });

  it('passes the named build as nativeBinding (the Electron app started by npm start)', () => {
    process.env[SQLITE_BINDING_ENV] = path.resolve(__dirname, '../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const db = openSqlite(':memory:', { readonly: false });
    expect(db.prepare('select 2 as n').get()).toEqual({ n: 2 });
    db.close();
    // A binding that is not there fails loudly, naming it, instead of quietly using another build.
    process.env[SQLITE_BINDING_ENV] = '/nowhere/better_sqlite3.node';
    expect(() => openSqlite(':memory:')).toThrow(/\/nowhere\/better_sqlite3\.node/);
  });
});
