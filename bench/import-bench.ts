import type { WritableDb } from '../electron/core/db/connection.js';
import { withDeferredSearchIndex } from '../electron/core/services/licenses/search-index.js';
import { parse } from 'csv-parse/sync';
import { openStore } from '../electron/core/db/store.js';
import type { Clock } from '../electron/core/clock.js';
import type { Database } from 'better-sqlite3';
import { timed } from './stats.js';

/**
 * Part (a): importing the generated portal CSV through the import service, against a bare
 * better-sqlite3 loop that parses the same text with the same parser and inserts the same rows.
 */

export interface ImportFigures {
  rows: number;
  csvChars: number;
  /** The app's path: import:stage then import:commit through the router, the work in a job worker. */
  oursMs: number;
  oursImported: number;
  /** Mean of the two baseline runs (one before, one after ours). */
  baselineMs: number;
  baselineRunsMs: number[];
  baselineRows: number;
  ratio: number;
  /** Peak resident set of the process (IPC thread and worker) during the import, and just before it. */
  peakRssMb: number;
  rssBeforeMb: number;
}

const PRODUCT_PREFIXES: [string, string][] = [
  ['Dynamic Web TWAIN', 'DWT'],
  ['Dynamsoft Barcode Reader', 'DBR'],
  ['Dynamsoft Label Recognizer', 'DLR'],
];
const MODE_WORDS: [RegExp, string][] = [
  [/scans/i, 'scans'],
  [/pages/i, 'pages'],
  [/concurrent/i, 'concurrent-devices'],
  [/server/i, 'servers'],
  [/devices|computers/i, 'devices'],
];

/** The trivial lookup: License Item text → product code and quota mode, memoised per distinct text. */
function productLookup(): (licenseItem: string) => { code: string; name: string; mode: string } {
  const cache = new Map<string, { code: string; name: string; mode: string }>();
  const names: Record<string, string> = { DWT: 'Dynamic Web TWAIN', DBR: 'Dynamsoft Barcode Reader', DLR: 'Dynamsoft Label Recognizer' };
  return (item) => {
    let hit = cache.get(item);
    if (!hit) {
      const code = PRODUCT_PREFIXES.find(([p]) => item.startsWith(p))?.[1];
      const mode = MODE_WORDS.find(([re]) => re.test(item))?.[1];
      if (!code || !mode) throw new Error(`Baseline lookup does not know "${item}"`);
      hit = { code, name: names[code]!, mode };
      cache.set(item, hit);
    }
    return hit;
  };
}

/**
 * The baseline: csv-parse/sync over the same text, one prepared INSERT into license_items per row
 * (plus one into projects the first time a project code appears: project_id is a foreign key),
 * all in one transaction. Cells go in with minimal conversion; search_text is built in JS. The
 * search index is kept the way any bulk insert into license_items must keep it (indexed in one
 * statement at the end), so both sides maintain the same table.
 */
export function baselineImport(db: Database, text: string, nowIso: string): number {
  const today = nowIso.slice(0, 10);
  const lookup = productLookup();
  const insert = db.prepare(
    `INSERT INTO license_items (item_id, license_id, order_id, product_code, version, term, quota_mode, quota_amount, alias,
       activation_status, expires_on, project_id, used, used_on, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'annual', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertProject = db.prepare('INSERT INTO projects (handshake_code, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const projects = new Map<string, number>();
  let n = 0;
  db.transaction(() => withDeferredSearchIndex(db as WritableDb, () => {
    const records = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
    for (let i = 1; i < records.length; i++) {
      const [itemId, licenseId, orderId, licenseItem, version, status, quota, used, expiry, project, alias] = records[i]!;
      const p = lookup(licenseItem!);
      let projectId: number | null = null;
      if (project) {
        projectId = projects.get(project) ?? null;
        if (projectId === null) {
          projectId = Number(insertProject.run(project, project.slice(0, project.indexOf('-')), nowIso, nowIso).lastInsertRowid);
          projects.set(project, projectId);
        }
      }
      const search = `${itemId} ${licenseId} ${orderId} ${alias} ${version} ${p.name} ${p.code} ${project}`.toLowerCase();
      insert.run(
        itemId,
        licenseId || null,
        orderId || null,
        p.code,
        version || null,
        p.mode,
        Number(quota),
        alias || null,
        status === 'Active' ? 'activated' : 'new',
        expiry || null,
        projectId,
        used ? Number(used) : null,
        used ? today : null,
        search,
        nowIso,
        nowIso,
      );
      n++;
    }
  })).immediate();
  return n;
}

export async function baselineThroughSqlite(dir: string, text: string, clock: Clock): Promise<{ ms: number; rows: number }> {
  const store = await openStore(dir, { now: () => clock.now() });
  try {
    const r = timed(() => baselineImport(store.db, text, clock.now().toISOString()));
    return { ms: r.ms, rows: r.value };
  } finally {
    store.db.close();
  }
}
