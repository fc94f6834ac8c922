import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.js';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors.js';
import { createRouter, type Dispatch, type Handlers, type SenderInfo } from '../../../electron/core/ipc/router.js';
import { CHANNELS, WRITE_CHANNELS, contract } from '../../../shared/ipc/contract.js';
import { FIXED_AS_OF, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { TRUSTED, expectEnvelope, expectError, makeRouter, routerStore } from './router-setup.js';

const ctx = routerStore();

function router(handlers: Handlers = ctx.handlers, onInternalError = vi.fn(), checkOutputs = true): Dispatch {
  return makeRouter(handlers, onInternalError, checkOutputs);
}

describe('channels', () => {
  it('answers a known channel with {ok:true,value}', async () => {
    const r = await router()('licenses:list', { asOf: FIXED_AS_OF }, TRUSTED);
    expectEnvelope(r);
    expect(r).toEqual({ ok: true, value: { total: 0, rows: [] } });
    const info = await router()('app:info', undefined, TRUSTED);
    expect(info).toEqual({ ok: true, value: { version: '0.0.0-test', dataDir: ctx.store.paths.dir, schemaVersion: LATEST_SCHEMA_VERSION, notices: [], restoreOffer: null } });
  });

  it.each(['licenses:purge', 'nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
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
    const spy = vi.fn(ctx.handlers['licenses:create']);
    const dispatch = router({ ...ctx.handlers, 'licenses:create': spy });
    const e = await expectError(dispatch('licenses:create', newLicenseInput(), sender), 'UNTRUSTED_SENDER');
    expect(e.issues).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
    expect(countRows(ctx.store.db, 'license_items')).toBe(0);
  });

  it('accepts the app origin main frame (and the handler runs)', async () => {
    const r = await router()('licenses:create', newLicenseInput(), TRUSTED);
    expectEnvelope(r);
    expect(r.ok).toBe(true);
    expect(countRows(ctx.store.db, 'license_items')).toBe(1);
  });
});

describe('input validation', () => {
  async function invalid(channel: string, input: unknown) {
    const spy = vi.fn();
    const handlers = { ...ctx.handlers, [channel]: spy } as Handlers;
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
    expect(countRows(ctx.store.db, 'license_items')).toBe(0);
  });

  it('licenses:list: an extra key is refused', async () => {
    const issues = await invalid('licenses:list', { asOf: FIXED_AS_OF, limit: 10, where: '1=1' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('where');
  });

  it('licenses:list: limit over 500 and a sort key outside the whitelist are refused', async () => {
    expect((await invalid('licenses:list', { asOf: FIXED_AS_OF, limit: 501 })).map((i) => i.path)).toEqual(['limit']);
    expect((await invalid('licenses:list', { asOf: FIXED_AS_OF, sort: { key: 'li.notes; DROP TABLE x', dir: 'asc' } })).map((i) => i.path)).toEqual(['sort.key']);
  });

  it('licenses:list: asOf is required and must be a real YYYY-MM-DD date', async () => {
    const paths = async (input: unknown) => [...new Set((await invalid('licenses:list', input)).map((i) => i.path))];
    expect(await paths({})).toEqual(['asOf']);
    expect(await paths({ asOf: '2026-02-30' })).toEqual(['asOf']);
    expect(await paths({ asOf: '10/07/2026' })).toEqual(['asOf']);
  });

  it('licenses:list: a headline or quota mode outside the enums is refused', async () => {
    const issues = await invalid('licenses:list', { asOf: FIXED_AS_OF, filters: { headlines: ['on-fire'], quotaModes: ['bytes'] } });
    expect(issues.map((i) => i.path).sort()).toEqual(['filters.headlines.0', 'filters.quotaModes.0']);
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
      ...ctx.handlers,
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
        ...ctx.handlers,
        'licenses:list': () => {
          throw boom;
        },
      },
      onInternalError,
    );
    const e = await expectError(dispatch('licenses:list', { asOf: FIXED_AS_OF }, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('SELECT');
    expect(e.message).not.toContain('secret');
    expect(e.issues).toBeUndefined();
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(onInternalError).toHaveBeenCalledWith('licenses:list', boom);
  });

  it('a rejected promise is handled like a throw', async () => {
    const dispatch = router({ ...ctx.handlers, 'products:list': () => Promise.reject(new Error('disk on fire')) });
    const e = await expectError(dispatch('products:list', undefined, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('disk on fire');
  });
});

describe('slow calls', () => {
  it('reports a call over 40 ms with its channel, kind and duration only; a quick one not at all', async () => {
    const onSlowCall = vi.fn();
    const slow = createRouter(
      { ...ctx.handlers, 'licenses:list': async (q) => { await new Promise((r) => setTimeout(r, 60)); return ctx.handlers['licenses:list'](q); } },
      { isTrustedSender: () => true, checkOutputs: true, onSlowCall },
    );
    await slow('licenses:list', { asOf: FIXED_AS_OF }, TRUSTED);
    await slow('app:info', undefined, TRUSTED);
    expect(onSlowCall).toHaveBeenCalledTimes(1);
    const [channel, kind, ms] = onSlowCall.mock.calls[0] as [string, string, number];
    expect([channel, kind]).toEqual(['licenses:list', 'read']);
    expect(ms).toBeGreaterThan(40);
  });
});

describe('contract kinds', () => {
  it('marks every channel read or write, and the ones that change data as write', () => {
    expect(WRITE_CHANNELS).toEqual(expect.arrayContaining(['licenses:create', 'licenses:update', 'licenses:delete', 'usage:add', 'keys:import', 'import:commit', 'settings:update', 'products:create']));
    for (const c of CHANNELS) expect(['read', 'write']).toContain(contract[c].kind);
    expect(WRITE_CHANNELS).not.toContain('licenses:list');
  });
});

describe('checkOutputs', () => {
  const wrong = { ...({} as Handlers), 'app:info': () => ({ version: 1 }) as unknown as ReturnType<Handlers['app:info']> };

  it('on: a handler returning the wrong shape gives INTERNAL and reports it', async () => {
    const onInternalError = vi.fn();
    const e = await expectError(router({ ...ctx.handlers, ...wrong }, onInternalError, true)('app:info', undefined, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('version');
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(String((onInternalError.mock.calls[0]![1] as Error).message)).toContain('Output does not match the contract');
  });

  it('off: the value passes through unchecked', async () => {
    const r = await router({ ...ctx.handlers, ...wrong }, vi.fn(), false)('app:info', undefined, TRUSTED);
    expect(r).toEqual({ ok: true, value: { version: 1 } });
  });

  it('on: real handler outputs pass the contract', async () => {
    const created = await router()('licenses:create', newLicenseInput({ projectCode: '100123456-100654321' }), TRUSTED);
    expect(created.ok).toBe(true);
    const products = await router()('products:list', undefined, TRUSTED);
    expect(products.ok && products.value).toHaveLength(13);
  });

});
