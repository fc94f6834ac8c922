import { NewLicenseInput, type LicenseItemFields } from '../../../shared/domain/license.js';
import type { DeviceWindow, LicenseTerm, QuotaMode } from '../../../shared/domain/quota.js';
import type { ColumnMapping, TargetField } from './columns.js';
import type { ParsedTable } from './parse-file.js';
import { readActivation, readDates } from './row-dates.js';
import { createProductParser, type ParsedProductName, type ProductParser } from './product-name.js';
import { detectPerUnitMode, parseCount, parseQuotaModeText, parseTermText, parseUsageText, type UsageText } from './quota-text.js';
import { schemaRejection, type FieldKey, type Origin } from './row-issues.js';
import { columnsByField, pickCell, quoteValue, stripItemIdLink, type Cell } from './row-values.js';

/**
 * Turning table rows into validated license fields, one report entry per problem (docs/engineering-notes.md
 * §H3). Nothing is written here: the caller decides what to do with a report that has
 * rejections (by default, import nothing).
 */

export type RowRejectCode =
  | 'MISSING_FIELD'
  | 'INVALID_DATE'
  | 'INVALID_NUMBER'
  | 'UNKNOWN_PRODUCT'
  | 'UNKNOWN_MODE'
  | 'INVALID_VALUE'
  | 'DUPLICATE_IN_FILE';

export interface RowRejection {
  line: number;
  /** The source header the problem is in, or null when no single column is to blame. */
  column: string | null;
  code: RowRejectCode;
  message: string;
}

export type EstimatedField = 'activatedOn' | 'expiresOn';

export interface AcceptedRow {
  line: number;
  fields: LicenseItemFields;
  used: number | null;
  /** Dates the importer estimated rather than read (see mapRows), so the UI can flag them. */
  estimated?: EstimatedField[];
}

export interface RowsResult {
  accepted: AcceptedRow[];
  /** Every problem found, several per row when a row has several. */
  rejected: RowRejection[];
}

export interface ImportContext {
  knownProducts: { code: string; name: string; aliases?: string[] }[];
}

/**
 * How many rows a list of problems stands for. A row with three problems is one rejected row: the
 * report shows problems, the counts (and "import the N valid rows only") count rows.
 */
export function countRejectedRows(rejections: readonly { line: number }[]): number {
  return new Set(rejections.map((r) => r.line)).size;
}

const NOTHING_PARSED: ParsedProductName = {
  productCode: null,
  edition: null,
  term: null,
  quotaMode: null,
  deviceWindow: null,
  quotaAmount: null,
  validTill: null,
};

/**
 * Maps and validates every row. Rules:
 * - An explicit column wins over what the License Item text says.
 * - The License Server's Items page "Quantity" ("0 of 100000 (0.00 %) devices used", mapped to
 *   usage) gives the quota, the usage and, when nothing else does, the quota mode.
 * - "Usage/Maintenance Expiry Date" (mapped to expiresOn) is the usage expiry of an annual license
 *   and the maintenance expiry of a lifetime one, so for lifetime rows it moves to
 *   maintenanceExpiresOn unless that has its own column.
 * - No term anywhere: annual (the portal's default filter), or lifetime if only a maintenance date is given.
 * - No status column: activated when the row has an activation or expiry date, otherwise new.
 * - The portal list does not show activation dates. For an activated row without one, the activation
 *   is estimated as one year before the expiry (a one-year term is the default; for lifetime, the
 *   first year of maintenance). An annual activated row with activation but no expiry gets
 *   activation + 1 year. Estimated dates are listed in `estimated`.
 * - The same Item Id twice in one file: the later row is rejected as DUPLICATE_IN_FILE.
 * Every accepted row has passed NewLicenseInput, including its cross-field rules.
 */
export function mapRows(table: ParsedTable, mapping: ColumnMapping, ctx: ImportContext): RowsResult {
  const cols = columnsByField(mapping);
  const accepted: AcceptedRow[] = [];
  const rejected: RowRejection[] = [];
  const firstLineOfItem = new Map<string, number>();
  // One matcher for the file, remembering each distinct License Item and Product text it has read.
  const products = createProductParser(ctx.knownProducts);

  for (const row of table.rows) {
    const reading = new RowReading(row.line, row.cells, cols);
    const result = readRow(reading, products);
    checkDuplicate(reading, firstLineOfItem);
    if (reading.rejections.length > 0 || !result) rejected.push(...reading.rejections);
    else accepted.push({ line: row.line, fields: result, used: reading.used, estimated: reading.estimated });
  }
  return { accepted, rejected };
}

function checkDuplicate(r: RowReading, firstLineOfItem: Map<string, number>): void {
  const itemCell = r.origin.itemId;
  if (!itemCell) return;
  const id = stripItemIdLink(itemCell.raw);
  const previous = firstLineOfItem.get(id);
  if (previous === undefined) firstLineOfItem.set(id, r.line);
  else r.reject(null, itemCell.column, 'DUPLICATE_IN_FILE', `Item Id ${quoteValue(id)} already appears on line ${previous}`);
}

/**
 * One row being read: its cells, where each value came from, and every problem found. All
 * rejections of a row go through `reject`, so the bookkeeping lives here and nowhere else.
 */
export class RowReading {
  readonly rejections: RowRejection[] = [];
  /** Where each value came from, so a schema issue can name the right column and value. */
  readonly origin: Origin = {};
  readonly estimated: EstimatedField[] = [];
  used: number | null = null;
  // Fields already reported by our own reading, so the schema check does not report them twice.
  // Made on the first rejection: most rows have none.
  private failed: Set<FieldKey> | null = null;

  constructor(
    readonly line: number,
    private readonly cells: Record<string, string>,
    private readonly cols: Map<TargetField, string[]>,
  ) {}

  get(f: TargetField): Cell | null {
    return pickCell(this.cells, this.cols.get(f));
  }

  mappedColumn(f: TargetField): string | null {
    return this.cols.get(f)?.[0] ?? null;
  }

  reject(key: FieldKey | null, column: string | null, code: RowRejectCode, message: string): void {
    this.rejections.push({ line: this.line, column, code, message });
    if (key) this.markFailed(key);
  }

  /** A field whose problem is already reported (or implied by one), so the schema check skips it. */
  markFailed(key: FieldKey): void {
    (this.failed ??= new Set()).add(key);
  }

  usable(...keys: FieldKey[]): boolean {
    return this.failed === null || keys.every((k) => !this.failed!.has(k));
  }

  /** A plain text field: the cell's text, remembered as the value's origin. */
  text(f: TargetField, key: FieldKey): string | null {
    const c = this.get(f);
    if (c) this.origin[key] = c;
    return c?.raw ?? null;
  }

  /** The schema's verdict; issues on fields already reported are not repeated. */
  validate(candidate: Record<FieldKey, unknown>): LicenseItemFields | null {
    const checked = NewLicenseInput.safeParse(candidate);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      const key = issue.path[0] as FieldKey | undefined;
      if (key !== undefined && !this.usable(key)) continue;
      this.rejections.push(schemaRejection(this.line, key, issue, candidate, this.origin));
    }
    return null;
  }
}

/** The License Item cell and what its text says, for the readers that fall back on it. */
export class ItemText {
  readonly parsed: ParsedProductName;
  private quoted: string | null = null;

  constructor(readonly cell: Cell | null, products: ProductParser) {
    this.parsed = cell ? products.parse(cell.raw) : NOTHING_PARSED;
  }

  /** Records the item as the origin of the given fields. */
  source(r: RowReading, ...keys: FieldKey[]): void {
    if (!this.cell) return;
    for (const k of keys) r.origin[k] = this.cell;
  }

  /** Only for messages, so built on the first rejection that needs it. */
  quotedText(): string {
    return (this.quoted ??= this.cell ? quoteValue(this.cell.raw) : '');
  }
}

function readRow(r: RowReading, products: ProductParser): LicenseItemFields | null {
  const item = new ItemText(r.get('licenseItem'), products);
  const itemId = readItemId(r);
  const productCode = readProduct(r, item, products);
  const edition = readEdition(r, item);
  const usage = readUsage(r);
  const { quotaMode, deviceWindow } = readQuotaMode(r, item, usage);
  const quotaAmount = readQuotaAmount(r, item, usage);
  readUsed(r, usage);
  const dates = readDates(r, item, readTerm(r, item));
  const activationStatus = readActivation(r, dates);

  return r.validate({
    itemId,
    licenseId: r.text('licenseId', 'licenseId'),
    orderId: r.text('orderId', 'orderId'),
    productCode,
    edition,
    version: r.text('version', 'version'),
    term: dates.term,
    quotaMode,
    deviceWindow,
    quotaAmount,
    alias: r.text('alias', 'alias'),
    activationStatus,
    activatedOn: dates.activatedOn,
    expiresOn: dates.expiresOn,
    maintenanceExpiresOn: dates.maintenanceExpiresOn,
    projectCode: r.text('projectCode', 'projectCode'),
    notes: r.text('notes', 'notes') ?? '',
  });
}

function readItemId(r: RowReading): string | null {
  const c = r.get('itemId');
  if (!c) {
    r.reject('itemId', r.mappedColumn('itemId'), 'MISSING_FIELD', 'Item Id is empty');
    return null;
  }
  r.origin.itemId = c;
  // The License Server's Items page puts a "View usage details" link in the Item Id cell.
  return stripItemIdLink(c.raw);
}

/** An explicit Product cell, else the product named in the License Item. */
function readProduct(r: RowReading, item: ItemText, products: ProductParser): string | null {
  const cell = r.get('product');
  if (cell) {
    r.origin.productCode = cell;
    const code = products.resolve(cell.raw);
    if (!code) r.reject('productCode', cell.column, 'UNKNOWN_PRODUCT', `Product ${quoteValue(cell.raw)} is not a known product`);
    return code;
  }
  if (item.parsed.productCode) {
    item.source(r, 'productCode');
    return item.parsed.productCode;
  }
  if (item.cell) r.reject('productCode', item.cell.column, 'UNKNOWN_PRODUCT', `License Item ${item.quotedText()} does not name a known product`);
  else r.reject('productCode', r.mappedColumn('product'), 'MISSING_FIELD', 'No product: the row has neither a Product nor a License Item');
  return null;
}

function readEdition(r: RowReading, item: ItemText): string | null {
  const edition = r.text('edition', 'edition');
  if (edition !== null || !item.parsed.edition) return edition;
  item.source(r, 'edition');
  return item.parsed.edition;
}

function readTerm(r: RowReading, item: ItemText): LicenseTerm | null {
  const cell = r.get('term');
  if (cell) {
    r.origin.term = cell;
    const term = parseTermText(cell.raw);
    if (!term) r.reject('term', cell.column, 'INVALID_VALUE', `Term ${quoteValue(cell.raw)} is neither Annual nor Lifetime`);
    return term;
  }
  if (!item.parsed.term) return null;
  item.source(r, 'term');
  return item.parsed.term;
}

/** The License Server's "Quantity" text, read once for the quota, the usage and the mode. */
function readUsage(r: RowReading): { cell: Cell; value: UsageText } | null {
  const cell = r.get('usage');
  if (!cell) return null;
  const value = parseUsageText(cell.raw);
  if (value) return { cell, value };
  r.reject('quotaAmount', cell.column, 'INVALID_VALUE', `Usage ${quoteValue(cell.raw)} is not in the form "0 of 100000 (0.00 %) devices used"`);
  return null;
}

function readQuotaMode(
  r: RowReading,
  item: ItemText,
  usage: { cell: Cell; value: UsageText } | null,
): { quotaMode: QuotaMode | null; deviceWindow: DeviceWindow | null } {
  const parsed = item.parsed;
  const cell = r.get('quotaMode');
  if (cell) {
    r.origin.quotaMode = cell;
    r.origin.deviceWindow = cell;
    const m = parseQuotaModeText(cell.raw);
    if (!m) {
      r.reject('quotaMode', cell.column, 'UNKNOWN_MODE', `Quota mode ${quoteValue(cell.raw)} is not a known way of counting (scans, pages, devices, concurrent devices, servers, domains...)`);
      return { quotaMode: null, deviceWindow: null };
    }
    // The column may say just "devices" while the License Item names the window.
    return { quotaMode: m.quotaMode, deviceWindow: m.deviceWindow ?? (parsed.quotaMode === m.quotaMode ? parsed.deviceWindow : null) };
  }
  if (parsed.quotaMode) {
    item.source(r, 'quotaMode', 'deviceWindow');
    return { quotaMode: parsed.quotaMode, deviceWindow: parsed.deviceWindow };
  }
  // License Server item names often state the mode without a count: "... per device".
  const perUnit = item.cell ? detectPerUnitMode(item.cell.raw) : null;
  if (perUnit) {
    item.source(r, 'quotaMode', 'deviceWindow');
    return perUnit;
  }
  if (usage?.value.quotaMode) {
    r.origin.quotaMode = usage.cell;
    return { quotaMode: usage.value.quotaMode, deviceWindow: null };
  }
  if (item.cell) r.reject('quotaMode', item.cell.column, 'UNKNOWN_MODE', `License Item ${item.quotedText()} does not say how the quota is counted`);
  else r.reject('quotaMode', r.mappedColumn('quotaMode'), 'MISSING_FIELD', 'No quota mode: the row has neither a Quota mode nor a License Item');
  return { quotaMode: null, deviceWindow: null };
}

function readQuotaAmount(r: RowReading, item: ItemText, usage: { cell: Cell; value: UsageText } | null): number | null {
  const cell = r.get('quotaAmount');
  if (cell) {
    r.origin.quotaAmount = cell;
    const amount = parseCount(cell.raw);
    if (amount === null) r.reject('quotaAmount', cell.column, 'INVALID_NUMBER', `Quota ${quoteValue(cell.raw)} is not a whole number`);
    return amount;
  }
  if (usage) {
    r.origin.quotaAmount = usage.cell;
    return usage.value.quota;
  }
  if (!r.usable('quotaAmount')) return null;
  if (item.parsed.quotaAmount !== null) {
    item.source(r, 'quotaAmount');
    return item.parsed.quotaAmount;
  }
  const where = r.mappedColumn('quotaAmount') ?? item.cell?.column ?? null;
  r.reject('quotaAmount', where, 'MISSING_FIELD', item.cell ? `No quota amount: the row has no Quota and License Item ${item.quotedText()} does not state one` : 'No quota amount');
  return null;
}

function readUsed(r: RowReading, usage: { cell: Cell; value: UsageText } | null): void {
  const cell = r.get('used');
  if (cell) {
    r.used = parseCount(cell.raw);
    if (r.used === null) r.reject(null, cell.column, 'INVALID_NUMBER', `Used ${quoteValue(cell.raw)} is not a whole number`);
  } else if (usage) {
    r.used = usage.value.used;
  }
}
