import crypto from 'node:crypto';
import { format } from 'date-fns';
import type { ImportCommitInput, ImportCounts, ImportPreview, ImportReport, ImportSource, ImportTargetField } from '../../../../shared/domain/import.js';
import { NewLicenseInput, type LicenseItemFields } from '../../../../shared/domain/license.js';
import { PRODUCT_CATALOGUE } from '../../../../shared/domain/catalogue.js';
import { formatQuota } from '../../../../shared/domain/quota.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { withDeferredSearchIndex } from '../licenses/search-index.js';
import { missingRequired, suggestMapping, type ColumnMapping } from '../../import/columns.js';
import { ImportFileError, parseCsvText, parseJsonText, type ParsedTable } from '../../import/parse-file.js';
import { countRejectedRows, mapRows, type AcceptedRow, type RowRejection } from '../../import/rows.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../clock.js';
import { createLicenseWriter, type LicenseWriter } from '../licenses/write.js';
import { refreshStatistics } from '../../secrets/clear-keys.js';
import { createUsageWriter } from '../usage.js';
import { UNWATCHED, type JobContext } from '../progress.js';

type Outcome = 'new' | 'update' | 'same';

interface AnalysedRow extends AcceptedRow {
  outcome: Outcome;
  existingId: number | null;
  /** The item as stored, for a known item id. */
  before: LicenseItemFields | null;
}

interface Analysis {
  headers: string[];
  /** Rows read from the file (the table itself is not kept: only its accepted rows are written). */
  read: number;
  mapping: ColumnMapping;
  missing: ReturnType<typeof missingRequired>;
  accepted: AnalysedRow[];
  rejected: RowRejection[];
}

function parseTable(src: ImportSource): ParsedTable {
  try {
    return src.format === 'json' ? parseJsonText(src.text) : parseCsvText(src.text);
  } catch (err) {
    if (err instanceof ImportFileError) throw new AppError('INVALID_INPUT', `${src.fileName || 'The file'} could not be read: ${err.message}`);
    throw err;
  }
}

function sameFields(a: LicenseItemFields, b: LicenseItemFields): boolean {
  return (Object.keys(a) as (keyof LicenseItemFields)[]).every((k) => a[k] === b[k]);
}

type FieldKey = keyof LicenseItemFields;

/** The stored fields a mapped column speaks for; the rest stay as the user recorded them. */
const FIELDS_FROM: Record<ImportTargetField, FieldKey[]> = {
  itemId: ['itemId'],
  licenseId: ['licenseId'],
  orderId: ['orderId'],
  product: ['productCode'],
  licenseItem: ['productCode', 'edition', 'term', 'quotaMode', 'deviceWindow', 'quotaAmount'],
  edition: ['edition'],
  version: ['version'],
  term: ['term'],
  quotaMode: ['quotaMode', 'deviceWindow'],
  quotaAmount: ['quotaAmount'],
  used: [],
  usage: ['quotaAmount'],
  activationStatus: ['activationStatus'],
  activatedOn: ['activatedOn'],
  expiresOn: ['expiresOn', 'maintenanceExpiresOn'],
  maintenanceExpiresOn: ['maintenanceExpiresOn'],
  projectCode: ['projectCode'],
  alias: ['alias'],
  notes: ['notes'],
};

export function providedFields(mapping: ColumnMapping): Set<FieldKey> {
  return new Set(Object.values(mapping).flatMap((t) => (t ? FIELDS_FROM[t] : [])));
}

/**
 * Re-importing the portal list must not wipe what only License Desk knows (alias, notes, project,
 * a corrected activation date): an existing item takes only the fields the file has columns for,
 * and an estimated date never replaces a recorded one.
 */
export function mergeIntoRecorded(
  current: LicenseItemFields,
  row: AcceptedRow,
  provided: Set<FieldKey>,
): { ok: true; fields: LicenseItemFields } | { ok: false; message: string } {
  const merged = { ...current } as Record<FieldKey, unknown>;
  for (const key of provided) {
    const estimated = (row.estimated as FieldKey[] | undefined)?.includes(key);
    if (estimated && current[key] !== null) continue;
    merged[key] = row.fields[key];
  }
  const checked = NewLicenseInput.safeParse(merged);
  return checked.success ? { ok: true, fields: checked.data } : { ok: false, message: checked.error.issues.map((i) => i.message).join('; ') };
}

function analysed(row: AcceptedRow, fields: LicenseItemFields, outcome: Outcome, existingId: number | null, before: LicenseItemFields | null): AnalysedRow {
  return { line: row.line, fields, used: row.used, estimated: row.estimated, outcome, existingId, before };
}

function counts(a: Analysis): ImportCounts {
  const n = { new: 0, update: 0, same: 0 };
  for (const r of a.accepted) n[r.outcome]++;
  return { read: a.read, imported: n.new, updated: n.update, skipped: n.same, rejected: countRejectedRows(a.rejected), problems: a.rejected.length };
}

const rows = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

/** "Nothing was imported: 1 row was rejected (3 problems). Correct the file, or import the 5 valid rows only." */
export function nothingImportedMessage(c: ImportCounts): string {
  const valid = c.imported + c.updated + c.skipped;
  const problems = c.problems === c.rejected ? '' : ` (${c.problems.toLocaleString('en-US')} problems)`;
  const next = valid > 0 ? `Correct the file, or import the ${valid.toLocaleString('en-US')} valid ${valid === 1 ? 'row' : 'rows'} only.` : 'Correct the file and import it again.';
  return `Nothing was imported: ${rows(c.rejected)} ${c.rejected === 1 ? 'was' : 'were'} rejected${problems}. ${next}`;
}

/**
 * Portal CSV / JSON import. Preview and commit run the same analysis; commit writes every accepted
 * row in one immediate transaction, or nothing at all while any row is rejected (unless the user
 * asked for the valid rows only). The same item id updates the stored item, never duplicates it.
 */
export function createImportService(db: WritableDb, clock: Clock) {
  const nowIso = () => clock.now().toISOString();
  const writer: LicenseWriter = createLicenseWriter(db, nowIso);
  const usage = createUsageWriter(db);
  const productRows = db.prepare('SELECT code, name FROM products');
  const insertBatch = db.prepare(
    `INSERT INTO import_batches (at, source, file_name, file_sha256, mode, imported, updated, skipped, rejected, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  function knownProducts() {
    const rows = productRows.all() as { code: string; name: string }[];
    return rows.map((r) => ({ ...r, aliases: PRODUCT_CATALOGUE.find((c) => c.code === r.code)?.aliases ?? [] }));
  }

  function analyse(src: ImportSource, ctx: JobContext): Analysis {
    ctx.progress('reading', 0, null);
    const table = parseTable(src);
    ctx.checkCancelled();
    const { headers } = table;
    const read = table.rows.length;
    const mapping = src.mapping ?? suggestMapping(headers);
    const unknown = Object.keys(mapping).filter((h) => !headers.includes(h));
    if (unknown.length) throw new AppError('INVALID_INPUT', `The mapping names columns the file does not have: ${unknown.join(', ')}`);
    const missing = missingRequired(mapping);
    if (missing.length) return { headers, read, mapping, missing, accepted: [], rejected: [] };
    const result = mapRows(table, mapping, { knownProducts: knownProducts() });
    ctx.checkCancelled();
    const provided = providedFields(mapping);
    const rejected = [...result.rejected];
    const accepted: AnalysedRow[] = [];
    const total = result.accepted.length;
    for (const row of result.accepted) {
      ctx.progress('checking', accepted.length + rejected.length - result.rejected.length, total);
      ctx.checkCancelled();
      const stored = writer.recorded(row.fields.itemId);
      if (!stored) {
        accepted.push(analysed(row, row.fields, 'new', null, null));
        continue;
      }
      const merged = mergeIntoRecorded(stored.fields, row, provided);
      if (!merged.ok) {
        rejected.push({ line: row.line, column: null, code: 'INVALID_VALUE', message: `Item ${row.fields.itemId}: ${merged.message}` });
        continue;
      }
      const same = sameFields(stored.fields, merged.fields) && (row.used === null || row.used === stored.used);
      accepted.push(analysed(row, merged.fields, same ? 'same' : 'update', stored.id, stored.fields));
    }
    rejected.sort((a, b) => a.line - b.line);
    return { headers, read, mapping, missing, accepted, rejected };
  }

  return {
    preview(src: ImportSource, ctx: JobContext = UNWATCHED): ImportPreview {
      const a = analyse(src, ctx);
      return {
        headers: a.headers,
        mapping: a.mapping,
        missingRequired: a.missing,
        counts: counts(a),
        rejections: a.rejected,
        sample: a.accepted.slice(0, 20).map((r) => ({
          line: r.line,
          itemId: r.fields.itemId,
          product: [r.fields.productCode, r.fields.edition].filter(Boolean).join(' · '),
          quota: formatQuota(r.fields.quotaAmount, r.fields.quotaMode),
          expiresOn: r.fields.expiresOn,
          outcome: r.outcome,
        })),
      };
    },

    commit(input: ImportCommitInput, ctx: JobContext = UNWATCHED): ImportReport {
      const report = writeTransaction(db, (): ImportReport => {
        const a = analyse(input, ctx);
        if (a.missing.length) throw new AppError('INVALID_INPUT', `Map a column to: ${a.missing.join(', ')}`);
        const c = counts(a);
        if (c.rejected > 0 && input.mode === 'all-or-nothing') {
          return { batchId: null, written: false, counts: c, rejections: a.rejected, message: nothingImportedMessage(c) };
        }
        const now = nowIso();
        const today = format(clock.now(), 'yyyy-MM-dd');
        const source = `import:${input.format}`;
        // The batch row comes first, so each item's history can name it. The counts are final: the
        // analysis above decided every row, and the writes below cannot change an outcome.
        const sha = crypto.createHash('sha256').update(input.text).digest('hex');
        const report = { counts: c, rejections: a.rejected, mapping: a.mapping };
        const batchId = Number(
          insertBatch.run(now, input.format, input.fileName, sha, input.mode, c.imported, c.updated, c.skipped, c.rejected, JSON.stringify(report)).lastInsertRowid,
        );
        // A new item's history says which import created it (the batch holds the file's report); an
        // updated item's says what changed, as an edit's does.
        const created = JSON.stringify({ batch: batchId, file: input.fileName });
        const toWrite = c.imported + c.updated;
        let written = 0;
        withDeferredSearchIndex(db, () => {
          writer.batch(now, (rows) => {
            for (const row of a.accepted) {
              if (row.outcome === 'same') continue;
              ctx.progress('writing', written++, toWrite);
              ctx.checkCancelled();
              if (row.existingId === null) {
                rows.insert(row.fields, source, 'imported', { changesJson: created, used: row.used === null ? null : { used: row.used, on: today }, estimated: row.estimated });
              } else {
                rows.update(row.existingId, row.fields, source, 'imported', row.before ?? undefined, row.estimated);
                if (row.used !== null) usage.upsert(row.existingId, today, row.used);
              }
            }
            ctx.progress('indexing', toWrite, toWrite);
            ctx.checkCancelled();
          });
        });
        // The last moment a cancel can still undo everything: after this the transaction commits.
        ctx.checkCancelled();
        const message =
          c.imported + c.updated === 0
            ? `Nothing new: all ${c.skipped} items in ${input.fileName || 'the file'} are already recorded as they are.`
            : `Imported ${c.imported} new, updated ${c.updated}, skipped ${c.skipped} unchanged${c.rejected ? `, left out ${rows(c.rejected)} rejected` : ''}.`;
        return { batchId, written: true, counts: c, rejections: a.rejected, message };
      });
      // A large import changes the data's shape; refresh the planner's statistics while it is fresh.
      if (report.written) {
        ctx.progress('finishing', 0, null);
        refreshStatistics(db);
      }
      return report;
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
