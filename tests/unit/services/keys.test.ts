import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import { inferHosting } from '../../../electron/core/services/projects/keys.js';
import { encodeDls2, maskKey } from '../../../shared/keys/license-key.js';
import { FIXED_NOW_ISO, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { eachFreshStore, type TestApi } from '../../fixtures/core.js';
import { DLS2_KEY, DLS2_PROJECT, GARBAGE_KEY, TRIAL_KEY } from '../../fixtures/keys.js';

let store: OpenedStore;
let api: TestApi;
eachFreshStore((s, a) => {
  store = s;
  api = a;
});

const counts = () => ({ projects: countRows(store.db, 'projects'), keys: countRows(store.db, 'license_keys') });
const PASTE = `${DLS2_KEY}\n${TRIAL_KEY}\n${GARBAGE_KEY}`;
const SECOND_KEY_SAME_PROJECT = encodeDls2({
  handshakeCode: DLS2_PROJECT,
  organizationID: '100123456',
  mainServerURL: 'https://mdls.dynamsoftonline.com',
  sessionPassword: 'hunter2-session',
});
const SELF_HOSTED_KEY = encodeDls2({ handshakeCode: '100777-factory', organizationID: '100777', mainServerURL: 'https://dls.factory.example:48080', checkCode: 5 });

describe('keys:check', () => {
  it('describes each pasted key, in order, and writes nothing', async () => {
    const checks = await api.call('keys:check', { text: PASTE });
    expect(checks).toEqual([
      { index: 0, masked: maskKey(DLS2_KEY), ok: true, kind: 'dls2', summary: `Online key (DLS2) for project ${DLS2_PROJECT}`, projectCode: DLS2_PROJECT, outcome: 'created', error: null },
      { index: 1, masked: maskKey(TRIAL_KEY), ok: true, kind: 'trial', summary: 'Trial key, 68-byte payload', projectCode: null, outcome: 'created', error: null },
      { index: 2, masked: maskKey(GARBAGE_KEY), ok: false, kind: null, summary: '', projectCode: null, outcome: 'rejected', error: expect.stringContaining('not a license key format') },
    ]);
    expect(counts()).toEqual({ projects: 0, keys: 0 });
  });
});

describe('keys:import', () => {
  it('all-or-nothing: one rejected key means nothing is written', async () => {
    const r = await api.call('keys:import', { text: PASTE, mode: 'all-or-nothing' });
    expect(r.written).toBe(false);
    expect(r.message).toBe('Nothing was imported because 1 key was rejected (2 new, 0 added to known projects, 0 already stored, 1 rejected).');
    expect(r.checks.map((c) => c.outcome)).toEqual(['created', 'created', 'rejected']);
    expect(counts()).toEqual({ projects: 0, keys: 0 });
  });

  it('all-or-nothing is the default mode', async () => {
    expect((await api.call('keys:import', { text: PASTE })).written).toBe(false);
    expect(counts()).toEqual({ projects: 0, keys: 0 });
  });

  it('valid-only: writes the DLS2 key with its project (hosting inferred) and the trial key on its own', async () => {
    const r = await api.call('keys:import', { text: PASTE, mode: 'valid-only' });
    expect(r.written).toBe(true);
    expect(r.message).toBe('Imported: 2 new, 0 added to known projects, 0 already stored, 1 rejected.');
    expect(counts()).toEqual({ projects: 1, keys: 2 });
    const [project] = await api.call('projects:list', undefined);
    expect(project).toEqual({
      id: 1,
      handshakeCode: DLS2_PROJECT,
      organizationId: '100123456',
      hosting: 'dynamsoft',
      mainServerUrl: 'https://mdls.dynamsoftonline.com',
      standbyServerUrl: 'https://sdls.dynamsoftonline.com',
      itemCount: 0,
      keys: [{ id: 1, kind: 'dls2', masked: maskKey(DLS2_KEY), summary: `Online key (DLS2) for project ${DLS2_PROJECT}`, projectCode: DLS2_PROJECT, sessionPasswordSet: false, createdAt: FIXED_NOW_ISO }],
      createdAt: FIXED_NOW_ISO,
      updatedAt: FIXED_NOW_ISO,
    });
    expect(await api.call('projects:byCode', { handshakeCode: DLS2_PROJECT })).toEqual(project);
    expect(await api.call('projects:get', { id: 1 })).toEqual(project);
  });

  it('re-importing the same keys reports them as duplicates and adds nothing', async () => {
    await api.call('keys:import', { text: `${DLS2_KEY} ${TRIAL_KEY}` });
    const before = counts();
    const r = await api.call('keys:import', { text: `${TRIAL_KEY}\n${DLS2_KEY}` });
    expect(r.checks.map((c) => c.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(r.message).toBe('Imported: 0 new, 0 added to known projects, 2 already stored, 0 rejected.');
    expect(counts()).toEqual(before);
    expect((await api.call('keys:check', { text: DLS2_KEY }))[0]!.outcome).toBe('duplicate');
  });

  it('a second key for a known project is "attached" to it', async () => {
    await api.call('keys:import', { text: DLS2_KEY });
    const r = await api.call('keys:import', { text: SECOND_KEY_SAME_PROJECT });
    expect(r.checks.map((c) => [c.outcome, c.projectCode])).toEqual([['attached', DLS2_PROJECT]]);
    expect(counts()).toEqual({ projects: 1, keys: 2 });
    const project = await api.call('projects:byCode', { handshakeCode: DLS2_PROJECT });
    expect(project.keys.map((k) => [k.id, k.sessionPasswordSet])).toEqual([
      [1, false],
      [2, true],
    ]);
    // the second key names no standby server: the stored one is kept
    expect(project.standbyServerUrl).toBe('https://sdls.dynamsoftonline.com');
  });

  it('two new keys for the same new project in one paste: created, then attached', async () => {
    const r = await api.call('keys:import', { text: `${DLS2_KEY}\n${SECOND_KEY_SAME_PROJECT}` });
    expect(r.checks.map((c) => c.outcome)).toEqual(['created', 'attached']);
    expect(counts()).toEqual({ projects: 1, keys: 2 });
  });

  it('a key naming the customer’s own server makes a self-hosted project', async () => {
    await api.call('keys:import', { text: SELF_HOSTED_KEY });
    const p = await api.call('projects:byCode', { handshakeCode: '100777-factory' });
    expect(p).toMatchObject({ organizationId: '100777', hosting: 'self', mainServerUrl: 'https://dls.factory.example:48080', standbyServerUrl: null });
  });

  it('inferHosting: Dynamsoft hosts only when every server is theirs; look-alike hosts are not theirs', () => {
    expect(inferHosting(['https://mdls.dynamsoftonline.com', 'https://sdls.dynamsoftonline.com'])).toBe('dynamsoft');
    expect(inferHosting(['https://mlts.dynamsoft.com'])).toBe('dynamsoft');
    expect(inferHosting(['https://mdls.dynamsoftonline.com', 'http://10.0.0.5:48080'])).toBe('self');
    expect(inferHosting(['https://dynamsoftonline.com.evil.example'])).toBe('self');
    expect(inferHosting(['https://notdynamsoft.com'])).toBe('self');
    expect(inferHosting([undefined, undefined])).toBe('unknown');
  });

  it('a project first created by a license item gets its hosting and servers from the key, and counts the item', async () => {
    await api.call('licenses:create', newLicenseInput({ itemId: '100001', projectCode: DLS2_PROJECT }));
    await api.call('licenses:create', newLicenseInput({ itemId: '100002', projectCode: DLS2_PROJECT }));
    await api.call('licenses:create', newLicenseInput({ itemId: '100003' }));
    expect(await api.call('projects:list', undefined)).toMatchObject([{ handshakeCode: DLS2_PROJECT, hosting: 'unknown', itemCount: 2, keys: [] }]);
    const r = await api.call('keys:import', { text: DLS2_KEY });
    expect(r.checks[0]!.outcome).toBe('attached');
    expect(await api.call('projects:list', undefined)).toMatchObject([
      { handshakeCode: DLS2_PROJECT, hosting: 'dynamsoft', mainServerUrl: 'https://mdls.dynamsoftonline.com', itemCount: 2, keys: [{ kind: 'dls2' }] },
    ]);
    expect(counts()).toEqual({ projects: 1, keys: 1 });
  });
});

describe('keys are secrets', () => {
  const clearTexts = [DLS2_KEY, TRIAL_KEY, SECOND_KEY_SAME_PROJECT];
  const leaks = (value: unknown) => {
    const json = JSON.stringify(value);
    // the whole key, and any 24-character stretch of it (masking shows only 4 + 4)
    return clearTexts.filter((k) => Array.from({ length: k.length - 24 }, (_, i) => k.slice(i, i + 24)).some((part) => json.includes(part)));
  };

  it('every answer shows keys masked; only keys:reveal returns the clear text', async () => {
    const imported = await api.call('keys:import', { text: clearTexts.join('\n'), mode: 'valid-only' });
    expect(leaks(imported)).toEqual([]);
    expect(leaks(await api.call('keys:check', { text: clearTexts.join(' ') }))).toEqual([]);
    expect(leaks(await api.call('projects:list', undefined))).toEqual([]);
    expect(leaks(await api.call('projects:byCode', { handshakeCode: DLS2_PROJECT }))).toEqual([]);
    const unassigned = await api.call('keys:unassigned', undefined);
    expect(leaks(unassigned)).toEqual([]);
    expect(unassigned).toEqual([
      { id: 2, kind: 'trial', masked: maskKey(TRIAL_KEY), summary: 'Trial key, 68-byte payload', projectCode: null, sessionPasswordSet: false, createdAt: FIXED_NOW_ISO },
    ]);
    expect(JSON.stringify(await api.call('projects:list', undefined))).not.toContain('hunter2');

    expect(await api.call('keys:reveal', { id: 1 })).toEqual({ key: DLS2_KEY });
    expect(await api.call('keys:reveal', { id: 2 })).toEqual({ key: TRIAL_KEY });
    expect(await api.call('keys:reveal', { id: 3 })).toEqual({ key: SECOND_KEY_SAME_PROJECT });
    expect((await api.fail('keys:reveal', { id: 99 })).code).toBe('NOT_FOUND');
  });

  it('projects:get / byCode of an unknown project is NOT_FOUND', async () => {
    expect((await api.fail('projects:get', { id: 5 })).code).toBe('NOT_FOUND');
    expect((await api.fail('projects:byCode', { handshakeCode: '1-x' })).code).toBe('NOT_FOUND');
  });
});
