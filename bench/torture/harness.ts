import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../electron/core/db/sqlite.js';
import { DEFAULT_RETENTION } from '../../electron/core/services/backups/retention.js';
import { DB_FILE, openStore } from '../../electron/core/db/store.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { batchOf, type ChildArgs, type ChildMessage, type Scenario } from './protocol.js';

/**
 * The crash harness (after SQLite's own crash tests): a child process does real work through the
 * app's core, the parent SIGKILLs it at a seeded random moment, then checks the files as the next
 * start finds them: integrity_check, every import all or nothing, every acknowledged write present,
 * every listed backup sound, and the next start (openStore, with its migrations) unaided.
 */

export interface Figures {
  kills: number;
  /** Kills that caught a migration half way (user_version between the old and the latest). */
  midMigration: number;
  partialImports: number;
  lostAcknowledgedWrites: number;
  integrityFailures: number;
  acknowledgedWrites: number;
  /** Words for each failure, so a red run says what broke. */
  problems: string[];
}

export const emptyFigures = (): Figures => ({ kills: 0, midMigration: 0, partialImports: 0, lostAcknowledgedWrites: 0, integrityFailures: 0, acknowledgedWrites: 0, problems: [] });

export function addFigures(into: Figures, more: Figures): void {
  into.kills += more.kills;
  into.midMigration += more.midMigration;
  into.partialImports += more.partialImports;
  into.lostAcknowledgedWrites += more.lostAcknowledgedWrites;
  into.integrityFailures += more.integrityFailures;
  into.acknowledgedWrites += more.acknowledgedWrites;
  into.problems.push(...more.problems);
}

export interface HarnessOptions {
  /** The compiled child (bench/torture/child.js in the build, a bundle in the unit tests). */
  childFile: string;
  workerFile?: string;
  rows: number;
}

export interface Acks {
  imports: Map<number, number>;
  writes: Set<string>;
  backups: Set<string>;
}

/** Runs the child until `killAfterMs` after it is ready, then SIGKILL; resolves with what it acknowledged. */
export const noAcks = (): Acks => ({ imports: new Map(), writes: new Set(), backups: new Set() });

function runChild(options: HarnessOptions, scenario: Scenario, dataDir: string, killAfterMs: number, acks: Acks): Promise<{ failure: string | null; killed: boolean }> {
  const args: ChildArgs = { scenario, dataDir, rows: options.rows, ...(options.workerFile ? { workerFile: options.workerFile } : {}) };
  const child = fork(options.childFile, [JSON.stringify(args)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
  let failure: string | null = null;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready' && scenario !== 'migration') timer = setTimeout(kill, killAfterMs);
      else if (m.type === 'ack' && m.kind === 'import') acks.imports.set(m.batch, m.rows);
      else if (m.type === 'ack' && m.kind === 'write') acks.writes.add(m.itemId);
      else if (m.type === 'ack' && m.kind === 'backup') acks.backups.add(m.name);
      else if (m.type === 'failed') failure = m.message;
    });
    // A migration is killed from the moment the child starts, since the start is the work.
    if (scenario === 'migration') timer = setTimeout(kill, killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && !failure && scenario !== 'migration') failure = `child exited with ${code ?? signal}: ${stderr}`;
      resolve({ failure, killed: signal === 'SIGKILL' });
    });
  });
}

function integrityOf(file: string): string {
  try {
    const db = openSqlite(file, { readonly: true, fileMustExist: true });
    try {
      return String(db.pragma('integrity_check', { simple: true }));
    } finally {
      db.close();
    }
  } catch (err) {
    return `cannot open: ${(err as Error).message}`;
  }
}

/** What the next start finds after a kill, against what the child acknowledged. */
export async function check(dataDir: string, acks: Acks, scenario: Scenario, rows: number, expectRows: number | null): Promise<Figures> {
  const f = emptyFigures();
  f.acknowledgedWrites = [...acks.imports.values()].reduce((a, b) => a + b, 0) + acks.writes.size + acks.backups.size;
  const dbFile = path.join(dataDir, DB_FILE);
  // Raw first, before anything opens it the app's way (which could tidy what we want to see).
  const raw = openDatabase(dbFile, { fileMustExist: true });
  try {
    const result = raw.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      f.integrityFailures++;
      f.problems.push(`integrity_check after the kill: ${String(result)}`);
    }
    if (scenario === 'migration' && (raw.pragma('user_version', { simple: true }) as number) < LATEST_SCHEMA_VERSION) f.midMigration++;
    const ids = (raw.prepare('SELECT item_id FROM license_items').all() as { item_id: string }[]).map((r) => r.item_id);
    const present = new Set(ids);
    const perBatch = new Map<number, number>();
    for (const id of ids) perBatch.set(batchOf(id), (perBatch.get(batchOf(id)) ?? 0) + 1);
    if (expectRows === null) {
      for (const [batch, n] of perBatch) {
        // Only imports make batches of `rows`; the single writes' batches are just ids.
        if (scenario === 'import' && n !== rows) {
          f.partialImports++;
          f.problems.push(`import batch ${batch} has ${n} of ${rows} rows`);
        }
      }
    } else if (ids.length !== expectRows) {
      f.lostAcknowledgedWrites += Math.abs(expectRows - ids.length);
      f.problems.push(`after the migration kill ${ids.length} licenses, expected ${expectRows}`);
    }
    for (const [batch, n] of acks.imports) {
      if ((perBatch.get(batch) ?? 0) !== n) {
        f.lostAcknowledgedWrites += n - (perBatch.get(batch) ?? 0);
        f.problems.push(`acknowledged import batch ${batch} has ${perBatch.get(batch) ?? 0} of ${n} rows`);
      }
    }
    for (const id of acks.writes) {
      if (!present.has(id)) {
        f.lostAcknowledgedWrites++;
        f.problems.push(`acknowledged write ${id} is missing`);
      }
    }
    // Each single write is one license and its "created" history row, together or not at all.
    const orphans = (raw.prepare("SELECT count(*) AS n FROM license_items i WHERE NOT EXISTS (SELECT 1 FROM license_history h WHERE h.license_item_id = i.id)").get() as { n: number }).n;
    if (orphans > 0) {
      f.partialImports += orphans;
      f.problems.push(`${orphans} licenses without their history row`);
    }
  } finally {
    raw.close();
  }
  const backups = path.join(dataDir, 'backups');
  const listed = fs.existsSync(backups) ? fs.readdirSync(backups).filter((n) => n.endsWith('.sqlite')) : [];
  for (const name of listed) {
    const result = integrityOf(path.join(backups, name));
    if (result !== 'ok') {
      f.integrityFailures++;
      f.problems.push(`listed backup ${name}: ${result}`);
    }
  }
  // Retention thins manual backups to the newest few (by design, not a loss): an acknowledged one must
  // be there while it is among the newest, counting a copy written but killed before its answer.
  const manual = [...new Set([...acks.backups, ...listed.filter((n) => n.startsWith('manual-'))])].sort();
  const kept = manual.slice(-DEFAULT_RETENTION.manual).filter((n) => acks.backups.has(n));
  for (const name of kept) {
    if (!listed.includes(name)) {
      f.lostAcknowledgedWrites++;
      f.problems.push(`acknowledged backup ${name}, one of the newest ${DEFAULT_RETENTION.manual} that retention keeps, is missing`);
    }
  }
  // The next start, unaided: migrations (re)run, the store opens writable.
  try {
    const store = await openStore(dataDir);
    if (store.schemaVersion !== LATEST_SCHEMA_VERSION || store.readOnly) throw new Error(`opened at version ${store.schemaVersion}${store.readOnly ? ', read-only' : ''}`);
    store.db.close();
  } catch (err) {
    f.integrityFailures++;
    f.problems.push(`the next start failed: ${(err as Error).message}`);
  }
  return f;
}

/** A data folder at schema version 2 with `count` licenses: the migrations to the latest take a while. */
export function makeVersionOneStore(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, DB_FILE));
  migrate(db, MIGRATIONS.slice(0, 2));
  const insert = db.prepare(
    "INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, activated_on, expires_on, notes, created_at, updated_at) VALUES (?, 'DBR', 'annual', 'scans', ?, 'activated', '2026-01-15', '2027-01-15', '', '2026-01-15T00:00:00.000Z', '2026-01-15T00:00:00.000Z')",
  );
  const history = db.prepare("INSERT INTO license_history (license_item_id, at, action) VALUES (?, '2026-01-15T00:00:00.000Z', 'created')");
  db.transaction(() => {
    for (let i = 0; i < count; i++) history.run(insert.run(`9${String(i).padStart(6, '0')}`, 1000 + i).lastInsertRowid);
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** Kills per run and scenario on the same folder; 2 would add a crash after a crash, at twice the time. */
const ROUNDS = 1;

/**
 * One kill: a fresh data folder (for `migration`, a copy of the prepared version-1 store), the child
 * working until the kill, then the checks (ROUNDS times on the same folder).
 */
export async function killRun(options: HarnessOptions, scenario: Scenario, rnd: () => number, migrationSource: { dir: string; rows: number } | null): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `license-desk-torture-${scenario}-`));
  const total = emptyFigures();
  try {
    if (scenario === 'migration' && migrationSource) fs.cpSync(migrationSource.dir, dataDir, { recursive: true });
    // What every round acknowledged must still be there after the later rounds' kills.
    const acks = noAcks();
    for (let round = 0; round < ROUNDS; round++) {
      // Imports and backups need time to get going; single writes are killed sooner and more often.
      const spread = scenario === 'migration' ? 1500 : scenario === 'writes' ? 600 : 3000;
      const { failure, killed } = await runChild(options, scenario, dataDir, Math.floor(rnd() * spread), acks);
      if (failure) {
        total.integrityFailures++;
        total.problems.push(`${scenario} child failed: ${failure}`);
      }
      if (killed) total.kills++;
      const figures = await check(dataDir, acks, scenario, options.rows, scenario === 'migration' ? (migrationSource?.rows ?? null) : null);
      // A lost write or a partial import cannot come back, so each is counted once, at the run's last check.
      if (round < ROUNDS - 1) Object.assign(figures, { acknowledgedWrites: 0, lostAcknowledgedWrites: 0, partialImports: 0 });
      addFigures(total, figures);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return total;
}

/** A small tmpfs for the disk-full runs, or why none can be mounted here. */
export function mountTmpfs(size: string): { dir: string } | { skipped: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (err) {
    fs.rmdirSync(dir);
    const why = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    return { skipped: `cannot mount a ${size} tmpfs (${why}); run as root or with CAP_SYS_ADMIN to include the disk-full runs` };
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir]);
  fs.rmdirSync(dir);
}
