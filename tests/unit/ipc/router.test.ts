import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { AppError } from '../../../electron/core/ipc/errors.js';
import { createHandlers } from '../../../electron/core/ipc/handlers.js';
import { createRouter, type Dispatch, type Handlers, type SenderInfo } from '../../../electron/core/ipc/router.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { createLicenseService } from '../../../electron/core/services/licenses/service.js';
import { IpcErrorShape, type IpcResult } from '../../../shared/ipc/result.js';
import { TempDirs, countRows, fixedClock, newLicenseInput } from '../../fixtures/builders.js';

const tmp = new TempDirs();
const TRUSTED: SenderInfo = { url: 'app://license-desk/index.html', isMainFrame: true };
let store: OpenedStore;
let base: Handlers;

beforeEach(async () => {
  store = await openStore(tmp.make());
  base = createHandlers({
    licenses: createLicenseService(store.db, fixedClock()),
    appInfo: () => ({ version: '0.0.0-test', dataDir: store.paths.dir, schemaVersion: store.schemaVersion }),
  });
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

function router(handlers: Handlers = base, onInternalError = vi.fn(), checkOutputs = true): Dispatch {
  return createRouter(handlers, { isTrustedSender: createSenderGuard([APP_ORIGIN]), checkOutputs, onInternalError });
}

/** The envelope is exactly {ok:true,value} or {ok:false,error:{code,message[,issues]}}. */
function expectEnvelope(r: IpcResult<unknown>): void {
  if (r.ok) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
  } else {
    expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
    const keys = Object.keys(r.error).sort();
    expect([['code', 'message'], ['code', 'issues', 'message']]).toContainEqual(keys);
    expect(IpcErrorShape.safeParse(r.error).success).toBe(true);
  }
}

async function expectError(p: Promise<IpcResult<unknown>>, code: string) {
  const r = await p;
  expectEnvelope(r);
  if (r.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(r.value)}`);
  expect(r.error.code).toBe(code);
  return r.error;
}

describe('channels', () => {
  it('answers a known channel with {ok:true,value}', async () => {
    const r = await router()('licenses:list', {}, TRUSTED);
    expectEnvelope(r);
    expect(r).toEqual({ ok: true, value: { total: 0, rows: [] } });
    const info = await router()('app:info', undefined, TRUSTED);
    expect(info).toEqual({ ok: true, value: { version: '0.0.0-test', dataDir: store.paths.dir, schemaVersion: 2 } });
  });

  it.each(['licenses:delete', 'nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses unknown channel %j',
    async (name) => {
      const e = await expectError(router()(name, {}, TRUSTED), 'UNKNOWN_CHANNEL');
      expect(e.message).toContain(`"${name}"`);
    },
  );

  it('refuses a non-string channel', async () => {
    await expectError(router()(42 as unknown as string, {}, TRUSTED), 'UNKNOWN_CHANNEL');
  });
});

describe('sender check', () => {
  const untrusted: [string, SenderInfo][] = [
    ['another app host', { url: 'app://other/index.html', isMainFrame: true }],
    ['http scheme', { url: 'http://license-desk/index.html', isMainFrame: true }],
    ['https scheme', { url: 'https://license-desk/index.html', isMainFrame: true }],
    ['suffixed host', { url: 'app://license-desk.evil/index.html', isMainFrame: true }],
    ['credentials', { url: 'app://user@license-desk/index.html', isMainFrame: true }],
    ['user:pass', { url: 'app://user:pw@license-desk/index.html', isMainFrame: true }],
    ['a port', { url: 'app://license-desk:8080/index.html', isMainFrame: true }],
    ['a subframe', { url: 'app://license-desk/index.html', isMainFrame: false }],
    ['garbage url', { url: 'not a url at all', isMainFrame: true }],
    ['empty url', { url: '', isMainFrame: true }],
    ['file url', { url: 'file:///etc/passwd', isMainFrame: true }],
  ];

  it.each(untrusted)('refuses %s and never calls the handler', async (_label, sender) => {
    const spy = vi.fn(base['licenses:create']);
    const dispatch = router({ ...base, 'licenses:create': spy });
    const e = await expectError(dispatch('licenses:create', newLicenseInput(), sender), 'UNTRUSTED_SENDER');
    expect(e.issues).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('accepts the app origin main frame (and the handler runs)', async () => {
    const r = await router()('licenses:create', newLicenseInput(), TRUSTED);
    expectEnvelope(r);
    expect(r.ok).toBe(true);
    expect(countRows(store.db, 'license_items')).toBe(1);
  });
});

describe('input validation', () => {
  async function invalid(channel: string, input: unknown) {
    const spy = vi.fn();
    const handlers = { ...base, [channel]: spy } as Handlers;
    const e = await expectError(router(handlers)(channel, input, TRUSTED), 'INVALID_INPUT');
    expect(spy).not.toHaveBeenCalled();
    expect(e.issues?.length).toBeGreaterThan(0);
    return e.issues!;
  }

  it('licenses:create: a missing field is named', async () => {
    const { itemId: _drop, ...rest } = newLicenseInput();
    const issues = await invalid('licenses:create', rest);
    expect(issues.map((i) => i.path)).toContain('itemId');
  });

  it('licenses:create: a wrong type is named', async () => {
    const issues = await invalid('licenses:create', { ...newLicenseInput(), quotaAmount: '1000' });
    expect(issues).toEqual([{ path: 'quotaAmount', message: expect.stringContaining('number') }]);
  });

  it('licenses:create: an extra key is refused and named', async () => {
    const issues = await invalid('licenses:create', { ...newLicenseInput(), isAdmin: true });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('isAdmin');
  });

  it('licenses:create: a cross-field rule is reported on its field', async () => {
    const issues = await invalid('licenses:create', newLicenseInput({ activationStatus: 'new' }));
    expect(issues.map((i) => i.path)).toEqual(['activatedOn']);
  });

  it('licenses:create: an own "__proto__" key from JSON.parse is refused', async () => {
    const json = JSON.stringify(newLicenseInput());
    const payload: unknown = JSON.parse(`{"__proto__": {"x": 1}, ${json.slice(1)}`);
    expect(Object.prototype.hasOwnProperty.call(payload, '__proto__')).toBe(true);
    const issues = await invalid('licenses:create', payload);
    expect(issues[0]!.message).toContain('__proto__');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('licenses:list: an extra key is refused', async () => {
    const issues = await invalid('licenses:list', { limit: 10, where: '1=1' });
    expect(issues[0]!.message).toContain('where');
  });

  it('licenses:list: limit over 500 and a sort key outside the whitelist are refused', async () => {
    expect((await invalid('licenses:list', { limit: 501 })).map((i) => i.path)).toEqual(['limit']);
    expect((await invalid('licenses:list', { sort: { key: 'li.notes; DROP TABLE x', dir: 'asc' } })).map((i) => i.path)).toEqual(['sort.key']);
  });

  it.each([[{ id: -1 }], [{ id: 0 }], [{ id: 1.5 }], [{ id: '1' }], [{}], [{ id: 1, extra: 1 }], [null], [undefined]])(
    'licenses:get %j is refused',
    async (input) => {
      await invalid('licenses:get', input);
    },
  );

  it('app:info refuses any input', async () => {
    await invalid('app:info', { anything: 1 });
  });
});

describe('handler errors', () => {
  it('an AppError keeps its code, message and issues', async () => {
    const dispatch = router({
      ...base,
      'licenses:get': () => {
        throw new AppError('NOT_FOUND', 'That license was not found.');
      },
    });
    const r = await dispatch('licenses:get', { id: 5 }, TRUSTED);
    expectEnvelope(r);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That license was not found.' } });

    const real = await router()('licenses:get', { id: 12345 }, TRUSTED);
    expect(real).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That license was not found. It may have been deleted.' } });
  });

  it('a CONFLICT from the service carries its issues', async () => {
    await router()('licenses:create', newLicenseInput(), TRUSTED);
    const e = await expectError(router()('licenses:create', newLicenseInput(), TRUSTED), 'CONFLICT');
    expect(e.issues).toEqual([{ path: 'itemId', message: 'Item 100001 is already recorded' }]);
  });

  it('any other error becomes INTERNAL without leaking its text; onInternalError sees it', async () => {
    const onInternalError = vi.fn();
    const boom = new Error('SELECT secret_key FROM license_keys WHERE id = 1');
    const dispatch = router(
      {
        ...base,
        'licenses:list': () => {
          throw boom;
        },
      },
      onInternalError,
    );
    const e = await expectError(dispatch('licenses:list', {}, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('SELECT');
    expect(e.message).not.toContain('secret');
    expect(e.issues).toBeUndefined();
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(onInternalError).toHaveBeenCalledWith('licenses:list', boom);
  });

  it('a rejected promise is handled like a throw', async () => {
    const dispatch = router({ ...base, 'products:list': () => Promise.reject(new Error('disk on fire')) });
    const e = await expectError(dispatch('products:list', undefined, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('disk on fire');
  });
});

describe('checkOutputs', () => {
  const wrong = { ...({} as Handlers), 'app:info': () => ({ version: 1 }) as unknown as { version: string; dataDir: string; schemaVersion: number } };

  it('on: a handler returning the wrong shape gives INTERNAL and reports it', async () => {
    const onInternalError = vi.fn();
    const e = await expectError(router({ ...base, ...wrong }, onInternalError, true)('app:info', undefined, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('version');
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(String((onInternalError.mock.calls[0]![1] as Error).message)).toContain('Output does not match the contract');
  });

  it('off: the value passes through unchecked', async () => {
    const r = await router({ ...base, ...wrong }, vi.fn(), false)('app:info', undefined, TRUSTED);
    expect(r).toEqual({ ok: true, value: { version: 1 } });
  });

  it('on: real handler outputs pass the contract', async () => {
    const created = await router()('licenses:create', newLicenseInput({ projectCode: '100123456-100654321' }), TRUSTED);
    expect(created.ok).toBe(true);
    const products = await router()('products:list', undefined, TRUSTED);
    expect(products.ok && products.value).toHaveLength(13);
  });
});
