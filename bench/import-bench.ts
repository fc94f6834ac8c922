import { IMPORT_MAX_BYTES } from '../shared/domain/import.js';
import type { WritableDb } from '../electron/core/db/connection.js';
import { withDeferredSearchIndex } from '../electron/core/services/licenses/search-index.js';
import { parse } from 'csv-parse/sync';
import { openStore } from '../electron/core/db/store.js';
import { suggestMapping, type ColumnMapping } from '../electron/core/import/columns.js';
import { AppError } from '../electron/core/errors.js';
import { createImportService } from '../electron/core/services/import/service.js';
import type { Clock } from '../electron/core/clock.js';
import type { Database } from 'better-sqlite3';
import type { GeneratedCsv } from './generate.js';
import { timed } from './stats.js';

/**
 * Part (a): importing the generated portal CSV through the import service, against a bare
 * better-sqlite3 loop that parses the same text with the same parser and inserts the same rows.
 */

/** What the service accepts in one file. */
export const SERVICE_MAX_CHARS = IMPORT_MAX_BYTES;

export interface ImportFigures {
  rows: number;
  csvChars: number;
  /** The whole file as one commit, as a user would import it. */
  singleFile: { ms: number; written: boolean; error: string | null };
  /** When the single file is refused: the same rows in this many files, each under the limit. */
  chunks: number;
  oursMs: number;
  oursImported: number;
  /** Mean of the two baseline runs (one before, one after ours). */
  baselineMs: number;
  baselineRunsMs: number[];
  baselineRows: number;
  ratio: number;
}

/** Splits the CSV text into files of whole lines under maxChars, each starting with the header. */
export function splitCsv(text: string, maxChars: number): string[] {
  const lines = text.split('\r\n').filter((l) => l !== '');
  const [header, ...body] = lines;
  const chunks: string[] = [];
  let current: string[] = [];
  let size = header!.length + 2;
  for (const line of body) {
    if (current.length > 0 && size + line.length + 2 > maxChars) {
      chunks.push([header, ...current].join('\r\n') + '\r\n');
      current = [];
      size = header!.length + 2;
    }
    current.push(line);
    size += line.length + 2;
  }
  if (current.length > 0) chunks.push([header, ...current].join('\r\n') + '\r\n');
  return chunks;
}

export interface ServiceImportResult {
  ms: number;
  imported: number;
  singleFile: ImportFigures['singleFile'];
  chunks: number;
}

/**
 * Imports through createImportService(...).commit on the (fresh) store in `dir`. Tries the whole
 * file first; if the service refuses it as a whole, imports it in files under the size limit.
 */
export async function importThroughService(dir: string, gen: GeneratedCsv, clock: Clock, fileName = 'portal.csv'): Promise<ServiceImportResult> {
  const store = await openStore(dir, { now: () => clock.now() });
  try {
    const service = createImportService(store.db, clock);
    const mapping: ColumnMapping = suggestMapping(gen.headers);
    const commit = (text: string, name: string) => service.commit({ format: 'csv', fileName: name, text, mapping, mode: 'all-or-nothing' });

    const single = timed(() => {
      try {
        return { report: commit(gen.text, fileName), error: null };
      } catch (err) {
        if (err instanceof AppError) return { report: null, error: err.message };
        throw err;
      }
    });
    const singleFile = { ms: single.ms, written: single.value.report?.written ?? false, error: single.value.error };
    if (single.value.report) {
      const r = single.value.report;
      if (!r.written) throw new Error(`Import wrote nothing: ${r.message} ${JSON.stringify(r.rejections.slice(0, 3))}`);
      return { ms: single.ms, imported: r.counts.imported, singleFile, chunks: 1 };
    }

    const parts = splitCsv(gen.text, SERVICE_MAX_CHARS - 1);
    let imported = 0;
    const all = timed(() => {
      parts.forEach((text, i) => {
        const r = commit(text, `${fileName.replace(/\.csv$/, '')}-${i + 1}.csv`);
        if (!r.written) throw new Error(`Import of part ${i + 1} wrote nothing: ${r.message} ${JSON.stringify(r.rejections.slice(0, 3))}`);
        imported += r.counts.imported;
      });
    });
    return { ms: all.ms, imported, singleFile, chunks: parts.length };
  } finally {
    store.db.close();
  }
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
