import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type WritableDb } from '../../../electron/core/db/connection.js';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { verifyLog, type AuditRow } from '../../../electron/core/services/audit/log.js';
import { encodeDls2 } from '../../../shared/keys/license-key.js';
import { FIXED_NOW_ISO, TempDirs, countRows, fixedClock, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';
import { TRIAL_KEY } from '../../fixtures/keys.js';

const tmp = new TempDirs();
let store: OpenedStore;
let api: ReturnType<typeof testApi>;
const extra: WritableDb[] = [];
beforeEach(async () => {
  store = await openStore(tmp.make());
  api = testApi(store.db, fixedClock());
});
afterEach(() => {
  for (const db of extra.splice(0)) if (db.open) db.close();
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

type Row = AuditRow;
const rows = (db: WritableDb = store.db) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];

/** The chain as an outsider would check it: written here again from the rule, not from the app's code. */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
function outsiderHash(prev: string, r: Row): string {
  const body = { seq: r.seq, at: r.at, kind: r.kind, channel: r.channel, licenseId: r.license_id, subject: r.subject, actor: r.actor, summary: JSON.parse(r.summary) as unknown };
  return crypto.createHash('sha256').update(prev + sortedJson(body)).digest('hex');
}

async function someWrites() {
  const a = await api.call('licenses:create', newLicenseInput({ itemId: '710001', notes: 'first' }));
  await api.call('licenses:update', { id: a.id, fields: newLicenseInput({ itemId: '710001', notes: 'second', alias: 'Front desk' }) });
  await api.call('usage:add', { licenseId: a.id, takenOn: '2026-07-01', used: 40 });
  await api.call('settings:update', { amberDays: 40, redDays: 12 });
  const b = await api.call('licenses:create', newLicenseInput({ itemId: '710002' }));
  await api.call('licenses:delete', { id: b.id });
  return { a, b };
}

/** A copy of the store with the triggers dropped, as someone editing the file by hand would have. */
function tamperableCopy(): WritableDb {
  const file = path.join(tmp.make(), 'copy.sqlite');
  store.db.prepare('VACUUM INTO ?').run(file);
  const db = openDatabase(file);
  extra.push(db);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return db;
}

describe('the chain', () => {
  it('links every entry to the one before by SHA-256 of the previous hash and the canonical entry', async () => {
    await someWrites();
    const log = rows();
    expect(log.map((r) => r.channel)).toEqual(['licenses:create', 'licenses:update', 'usage:add', 'settings:update', 'licenses:create', 'licenses:delete']);
    expect(log.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    let prev = '0'.repeat(64);
    for (const r of log) {
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(outsiderHash(prev, r));
      prev = r.hash;
    }
    expect(await api.call('audit:verify', undefined)).toEqual({ intact: true, count: 6, lastSeq: 6 });
  });

  it('names what changed: ids, item, changed fields; a deleted license keeps its entries', async () => {
    const { a, b } = await someWrites();
    const log = rows().map((r) => ({ channel: r.channel, licenseId: r.license_id, subject: r.subject, at: r.at, summary: JSON.parse(r.summary) as Record<string, unknown> }));
    expect(log[0]).toMatchObject({ licenseId: a.id, subject: `license:${a.id}`, at: FIXED_NOW_ISO, summary: { id: a.id, itemId: '710001' } });
    expect(log[1]!.summary).toMatchObject({ id: a.id, itemId: '710001', changed: ['alias', 'notes'] });
    expect(log[1]!.summary).not.toHaveProperty('fields');
    expect(log[2]!.summary).toMatchObject({ licenseId: a.id, used: 40, changed: expect.arrayContaining(['used', 'usedOn']) });
    expect(log[3]!.summary).toEqual({ amberDays: 40, redDays: 12 });
    expect(log[5]).toMatchObject({ licenseId: b.id, summary: { id: b.id, itemId: '710002', deleted: true } });
    expect((await api.call('audit:list', { licenseId: b.id })).entries.map((e) => e.channel)).toEqual(['licenses:delete', 'licenses:create']);
  });
});

describe('tampering is found', () => {
  it('an edited entry: its hash no longer matches, and verify names it', async () => {
    await someWrites();
    const copy = tamperableCopy();
    copy.prepare("UPDATE audit_log SET summary = json_set(summary, '$.amberDays', 90) WHERE seq = 4").run();
    expect(verifyLog(copy)).toEqual({ intact: false, count: 3, brokenSeq: 4, reason: expect.stringMatching(/changed after it was written/) });
    expect(verifyLog(store.db)).toMatchObject({ intact: true, count: 6 });
  });

  it('an edited entry with its own hash recomputed breaks the link to the next one', async () => {
    await someWrites();
    const copy = tamperableCopy();
    const r = rows(copy)[2]!;
    const forged = { ...r, actor: 'mallory' };
    copy.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 3').run('mallory', outsiderHash(r.prev_hash, forged));
    expect(verifyLog(copy)).toMatchObject({ intact: false, count: 3, brokenSeq: 4, reason: expect.stringMatching(/does not follow/) });
  });

  it('a removed entry, a changed time and a renumbered entry', async () => {
    await someWrites();
    const removed = tamperableCopy();
    removed.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyLog(removed)).toMatchObject({ intact: false, count: 1, brokenSeq: 3, reason: expect.stringMatching(/Entry 2 is missing/) });
    const retimed = tamperableCopy();
    retimed.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1").run();
    expect(verifyLog(retimed)).toMatchObject({ intact: false, count: 0, brokenSeq: 1 });
    const first = tamperableCopy();
    first.prepare('DELETE FROM audit_log WHERE seq = 1').run();
    expect(verifyLog(first)).toMatchObject({ intact: false, brokenSeq: 2, reason: expect.stringMatching(/starts at entry 2/) });
  });

  it('the live log refuses UPDATE and DELETE', async () => {
    await someWrites();
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run()).toThrow('audit log entries cannot be changed');
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 6').run()).toThrow('audit log entries cannot be removed');
    expect(countRows(store.db, 'audit_log')).toBe(6);
  });
});

describe('all or nothing', () => {
  it('a refused write leaves no entry', async () => {
    const a = await api.call('licenses:create', newLicenseInput({ itemId: '720001' }));
    expect((await api.fail('licenses:create', newLicenseInput({ itemId: '720001' }))).code).toBe('CONFLICT');
    expect((await api.fail('licenses:update', { id: a.id + 99, fields: newLicenseInput({ itemId: '720009' }) })).code).toBe('NOT_FOUND');
    expect((await api.fail('licenses:delete', { id: a.id + 99 })).code).toBe('NOT_FOUND');
    expect((await api.fail('keys:reveal', { id: 999 })).code).toBe('NOT_FOUND');
    expect(rows().map((r) => r.channel)).toEqual(['licenses:create']);
  });

  it('a write whose entry cannot be written is not written either', async () => {
    store.db.exec("CREATE TRIGGER test_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no room in the log'); END;");
    const r = await api.dispatch('licenses:create', newLicenseInput({ itemId: '730001' }), { url: 'app://license-desk/index.html', isMainFrame: true });
    expect(r.ok).toBe(false);
    expect(countRows(store.db, 'license_items')).toBe(0);
    expect(countRows(store.db, 'license_history')).toBe(0);
  });

  it('an import in the worker: one entry with the counts, in the import transaction; a refused import none', async () => {
    const csv = 'Item Id,Product,Quota Mode,Accumulated Quota\n740001,DBR,scans,100\n740002,DBR,scans,200\n';
    const mapping = { 'Item Id': 'itemId', Product: 'product', 'Quota Mode': 'quotaMode', 'Accumulated Quota': 'quotaAmount' } as const;
    const report = await api.call('import:commit', { format: 'csv', fileName: 'two.csv', text: csv, mapping, mode: 'all-or-nothing' });
    expect(report.counts.imported).toBe(2);
    const [entry] = rows();
    expect(entry).toMatchObject({ channel: 'import:commit', kind: 'import', license_id: null });
    expect(JSON.parse(entry!.summary)).toMatchObject({ written: true, mode: 'all-or-nothing', counts: { imported: 2, updated: 0, skipped: 0, rejected: 0 }, rejectionsCount: 0 });
    expect(JSON.parse(entry!.summary)).not.toHaveProperty('fileName');
    // A mapping that leaves out a required column is refused inside the transaction: nothing, no entry.
    expect((await api.fail('import:commit', { format: 'csv', fileName: 'bad.csv', text: csv, mapping: { 'Item Id': 'itemId' }, mode: 'all-or-nothing' })).code).toBe('INVALID_INPUT');
    expect(countRows(store.db, 'audit_log')).toBe(1);
    expect(verifyLog(store.db)).toMatchObject({ intact: true, count: 1 });
  });
});

describe('no secret in any entry', () => {
  const PASSWORD = 'Plum-Orchard-Session-4417';
  const KEY = encodeDls2({ handshakeCode: '100123456-100555777', organizationID: '100123456', mainServerURL: 'https://mdls.dynamsoftonline.com', sessionPassword: PASSWORD });
  const NEEDLES = [KEY, KEY.slice(4), KEY.slice(10, 30), KEY.slice(40, 60), TRIAL_KEY, TRIAL_KEY.slice(5), TRIAL_KEY.slice(10, 30), PASSWORD];

  it('after pasting keys, revealing them and a license with notes, the log names keys but holds none', async () => {
    await api.call('keys:import', { text: `${KEY}\n${TRIAL_KEY}`, mode: 'all-or-nothing' });
    const ids = store.db.prepare('SELECT id FROM license_keys ORDER BY id').pluck().all() as number[];
    for (const id of ids) expect((await api.call('keys:reveal', { id })).key).toMatch(/^(DLS2|t0068)/);
    await api.call('licenses:create', newLicenseInput({ itemId: '750001', notes: `key ${TRIAL_KEY}`, projectCode: '100123456-100555777' }));
    const log = rows();
    expect(log.map((r) => r.channel)).toEqual(['keys:import', 'keys:reveal', 'keys:reveal', 'licenses:create']);
    expect(JSON.parse(log[0]!.summary)).toMatchObject({ written: true, checksCount: 2, checksOutcomes: { created: 2 } });
    expect(JSON.parse(log[1]!.summary)).toMatchObject({ id: ids[0], keyKind: 'dls2', project: '100123456-100555777' });
    const text = JSON.stringify(log) + JSON.stringify(await api.call('audit:list', {}));
    expect(NEEDLES.filter((n) => text.includes(n))).toEqual([]);
    await api.call('audit:export', { format: 'json' });
    await api.call('audit:export', { format: 'csv' });
    const exported = api.platform.saved.map((f) => String(f.content)).join('\n');
    expect(exported).toContain(log[3]!.hash);
    expect(NEEDLES.filter((n) => exported.includes(n))).toEqual([]);
  });
});

describe('audit:list and audit:export', () => {
  it('filters by license, kind, channel and day, newest first, paged', async () => {
    const { a } = await someWrites();
    expect((await api.call('audit:list', {})).total).toBe(6);
    expect((await api.call('audit:list', { licenseId: a.id })).entries.map((e) => e.channel)).toEqual(['usage:add', 'licenses:update', 'licenses:create']);
    expect((await api.call('audit:list', { kind: 'settings' })).entries.map((e) => e.seq)).toEqual([4]);
    // By item id, a deleted license's entries too.
    expect((await api.call('audit:list', { itemId: '710002' })).entries.map((e) => e.channel)).toEqual(['licenses:delete', 'licenses:create']);
    expect((await api.call('audit:list', { channel: 'licenses:create' })).total).toBe(2);
    const day = FIXED_NOW_ISO.slice(0, 10);
    expect((await api.call('audit:list', { from: day, to: day })).total).toBe(6);
    expect((await api.call('audit:list', { to: '2000-01-01' })).total).toBe(0);
    const page = await api.call('audit:list', { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 6 });
    expect(page.entries.map((e) => e.seq)).toEqual([4, 3]);
    expect((await api.fail('audit:list', { from: '2026-02-01', to: '2026-01-01' })).code).toBe('INVALID_INPUT');
  });

  it('exports the chain as JSON an outsider can check, and as CSV; a closed dialog saves nothing', async () => {
    await someWrites();
    const saved = await api.call('audit:export', { format: 'json' });
    expect(saved).toMatchObject({ rows: 6, saved: { path: expect.stringMatching(/license-desk-audit-\d{4}-\d{2}-\d{2}\.json$/) } });
    const doc = JSON.parse(String(api.platform.saved[0]!.content)) as { verification: unknown; entries: { seq: number; prevHash: string; hash: string }[] };
    expect(doc.verification).toEqual({ intact: true, count: 6, lastSeq: 6 });
    expect(doc.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.entries.slice(1).every((e, i) => e.prevHash === doc.entries[i]!.hash)).toBe(true);
    await api.call('audit:export', { format: 'csv' });
    const csv = String(api.platform.saved[1]!.content).trim().split('\n');
    expect(csv[0]).toBe('seq,at,kind,channel,licenseId,subject,actor,summary,prevHash,hash');
    expect(csv).toHaveLength(7);
    api.platform.cancelNextSave();
    expect(await api.call('audit:export', { format: 'csv' })).toMatchObject({ saved: null });
  });
});
