import { afterEach, beforeEach, expect, vi } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { createRouter, type Dispatch, type Handlers, type SenderInfo } from '../../../electron/core/ipc/router.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { entryOf } from '../../../electron/core/services/backups/catalog.js';
import { IpcErrorShape, type IpcResult } from '../../../shared/ipc/result.js';
import { TempDirs, fixedClock } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

export const TRUSTED: SenderInfo = { url: 'app://license-desk/index.html', isMainFrame: true };

/**
 * A fresh store per test with the real handlers over it, for the router suites. Read `store` and
 * `handlers` inside tests (they are replaced before each one).
 */
export function routerStore(): { readonly store: OpenedStore; readonly handlers: Handlers; readonly tmp: TempDirs } {
  const tmp = new TempDirs();
  let store: OpenedStore;
  let handlers: Handlers;
  beforeEach(async () => {
    store = await openStore(tmp.make());
    handlers = testApi(store.db, fixedClock(), undefined, {
      appInfo: () => ({ version: '0.0.0-test', dataDir: store.paths.dir, schemaVersion: store.schemaVersion, notices: [] }),
      // The swap itself needs the core around the store (tests/unit/backups/restore.test.ts); here only the shapes are checked.
      serviceOptions: { locale: 'en-US', restore: async (file) => ({ restored: entryOf(file), safetyBackup: 'before-restore-2026-07-01T00-00-00-000Z.sqlite' }) },
    }).core.handlers;
  });
  afterEach(() => {
    if (store.db.open) store.db.close();
    tmp.cleanup();
  });
  return {
    get store() {
      return store;
    },
    get handlers() {
      return handlers;
    },
    tmp,
  };
}

export function makeRouter(handlers: Handlers, onInternalError = vi.fn(), checkOutputs = true): Dispatch {
  return createRouter(handlers, { isTrustedSender: createSenderGuard([APP_ORIGIN]), checkOutputs, onInternalError });
}

/** The envelope is exactly {ok:true,value} or {ok:false,error:{code,message[,issues]}}. */
export function expectEnvelope(r: IpcResult<unknown>): void {
  if (r.ok) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
  } else {
    expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
    const keys = Object.keys(r.error).sort();
    expect([['code', 'message'], ['code', 'issues', 'message']]).toContainEqual(keys);
    expect(IpcErrorShape.safeParse(r.error).success).toBe(true);
  }
}

export async function expectError(p: Promise<IpcResult<unknown>>, code: string) {
  const r = await p;
  expectEnvelope(r);
  if (r.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(r.value)}`);
  expect(r.error.code).toBe(code);
  return r.error;
}
