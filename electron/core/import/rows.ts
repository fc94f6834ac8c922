import { NewLicenseInput, type ActivationState, type LicenseItemFields } from '../../../shared/domain/license.js';
import type { DeviceWindow, LicenseTerm, QuotaMode } from '../../../shared/domain/quota.js';
import type { ColumnMapping, TargetField } from './columns.js';
import { termEnd, termStart } from '../../../shared/domain/term.js';
import { parseFlexibleDate } from './dates.js';
import type { ParsedTable } from './parse-file.js';
import { createProductParser, type ParsedProductName, type ProductParser } from './product-name.js';
import { parseCount, parseQuotaModeText, parseTermText } from './quota-text.js';
import { FIELD_LABELS, schemaRejection, type FieldKey, type Origin } from './row-issues.js';
import { columnsByField, parseActivationStatus, pickCell, quoteValue, stripRenewLink, type Cell } from './row-values.js';

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

export interface AcceptedRow {
  line: number;
  fields: LicenseItemFields;
  used: number | null;
  /** Dates the importer estimated rather than read (see mapRows), so the UI can flag them. */
  estimated?: ('activatedOn' | 'expiresOn')[];
}

export interface RowsResult {
  accepted: AcceptedRow[];
  rejected: RowRejection[];
}

export interface ImportContext {
  knownProducts: { code: string; name: string; aliases?: string[] }[];
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
    const result = readRow(row.line, row.cells, cols, products);
    const itemCell = result.itemCell;
    if (itemCell) {
      const previous = firstLineOfItem.get(itemCell.raw);
      if (previous === undefined) firstLineOfItem.set(itemCell.raw, row.line);
      else {
        result.rejections.push({
          line: row.line,
          column: itemCell.column,
          code: 'DUPLICATE_IN_FILE',
          message: `Item Id ${quoteValue(itemCell.raw)} already appears on line ${previous}`,
        });
      }
    }
    if (result.rejections.length > 0 || !result.fields) rejected.push(...result.rejections);
    else accepted.push({ line: row.line, fields: result.fields, used: result.used, estimated: result.estimated });
  }
  return { accepted, rejected };
}

interface RowResult {
  /** The Item Id cell, for the duplicate check. */
  itemCell: Cell | null;
  fields: LicenseItemFields | null;
  used: number | null;
  estimated: ('activatedOn' | 'expiresOn')[];
  rejections: RowRejection[];
}

function readRow(
  line: number,
  cells: Record<string, string>,
  cols: Map<TargetField, string[]>,
  products: ProductParser,
): RowResult {
  const rejections: RowRejection[] = [];
  // Fields already reported by our own reading, so the schema check does not report them twice.
  // Made on the first rejection: most rows have none.
  let failed: Set<FieldKey> | null = null;
  // Where each value came from, so a schema issue can name the right column and value.
  const origin: Origin = {};
  const estimated: ('activatedOn' | 'expiresOn')[] = [];

  const get = (f: TargetField) => pickCell(cells, cols.get(f));
  const mappedColumn = (f: TargetField) => cols.get(f)?.[0] ?? null;
  const reject = (key: FieldKey | null, column: string | null, code: RowRejectCode, message: string) => {
    rejections.push({ line, column, code, message });
    if (key) (failed ??= new Set()).add(key);
  };
  const text = (f: TargetField, key: FieldKey): string | null => {
    const c = get(f);
    if (c) origin[key] = c;
    return c?.raw ?? null;
  };

  const licenseItem = get('licenseItem');
  const parsed = licenseItem ? products.parse(licenseItem.raw) : NOTHING_PARSED;
  const fromItem = (key: FieldKey, alsoKey?: FieldKey) => {
    if (!licenseItem) return;
    origin[key] = licenseItem;
    if (alsoKey) origin[alsoKey] = licenseItem;
  };
  // Only for messages, so built on the first rejection that needs it.
  let quotedItem: string | null = null;
  const itemQuoted = () => (quotedItem ??= licenseItem ? quoteValue(licenseItem.raw) : '');

  const itemId = text('itemId', 'itemId');
  const itemCell = origin.itemId ?? null;
  if (itemId === null) reject('itemId', mappedColumn('itemId'), 'MISSING_FIELD', 'Item Id is empty');

  // Product: an explicit Product cell, else the product named in the License Item.
  let productCode: string | null = null;
  const productCell = get('product');
  if (productCell) {
    origin.productCode = productCell;
    productCode = products.resolve(productCell.raw);
    if (!productCode) reject('productCode', productCell.column, 'UNKNOWN_PRODUCT', `Product ${quoteValue(productCell.raw)} is not a known product`);
  } else if (parsed.productCode) {
    productCode = parsed.productCode;
    fromItem('productCode');
  } else if (licenseItem) {
    reject('productCode', licenseItem.column, 'UNKNOWN_PRODUCT', `License Item ${itemQuoted()} does not name a known product`);
  } else {
    reject('productCode', mappedColumn('product'), 'MISSING_FIELD', 'No product: the row has neither a Product nor a License Item');
  }

  let edition = text('edition', 'edition');
  if (edition === null && parsed.edition) {
    edition = parsed.edition;
    fromItem('edition');
  }

  let term: LicenseTerm | null = null;
  const termCell = get('term');
  if (termCell) {
    origin.term = termCell;
    term = parseTermText(termCell.raw);
    if (!term) reject('term', termCell.column, 'INVALID_VALUE', `Term ${quoteValue(termCell.raw)} is neither Annual nor Lifetime`);
  } else if (parsed.term) {
    term = parsed.term;
    fromItem('term');
  }

  let quotaMode: QuotaMode | null = null;
  let deviceWindow: DeviceWindow | null = null;
  const modeCell = get('quotaMode');
  if (modeCell) {
    origin.quotaMode = modeCell;
    origin.deviceWindow = modeCell;
    const m = parseQuotaModeText(modeCell.raw);
    if (!m) {
      reject('quotaMode', modeCell.column, 'UNKNOWN_MODE', `Quota mode ${quoteValue(modeCell.raw)} is not a known way of counting (scans, pages, devices, concurrent devices, servers, domains...)`);
    } else {
      quotaMode = m.quotaMode;
      // The column may say just "devices" while the License Item names the window.
      deviceWindow = m.deviceWindow ?? (parsed.quotaMode === m.quotaMode ? parsed.deviceWindow : null);
    }
  } else if (parsed.quotaMode) {
    quotaMode = parsed.quotaMode;
    deviceWindow = parsed.deviceWindow;
    fromItem('quotaMode', 'deviceWindow');
  } else if (licenseItem) {
    reject('quotaMode', licenseItem.column, 'UNKNOWN_MODE', `License Item ${itemQuoted()} does not say how the quota is counted`);
  } else {
    reject('quotaMode', mappedColumn('quotaMode'), 'MISSING_FIELD', 'No quota mode: the row has neither a Quota mode nor a License Item');
  }

  let quotaAmount: number | null = null;
  const amountCell = get('quotaAmount');
  if (amountCell) {
    origin.quotaAmount = amountCell;
    quotaAmount = parseCount(amountCell.raw);
    if (quotaAmount === null) reject('quotaAmount', amountCell.column, 'INVALID_NUMBER', `Quota ${quoteValue(amountCell.raw)} is not a whole number`);
  } else if (parsed.quotaAmount !== null) {
    quotaAmount = parsed.quotaAmount;
    fromItem('quotaAmount');
  } else {
    const where = mappedColumn('quotaAmount') ?? licenseItem?.column ?? null;
    reject('quotaAmount', where, 'MISSING_FIELD', licenseItem ? `No quota amount: the row has no Quota and License Item ${itemQuoted()} does not state one` : 'No quota amount');
  }

  let used: number | null = null;
  const usedCell = get('used');
  if (usedCell) {
    used = parseCount(usedCell.raw);
    if (used === null) reject(null, usedCell.column, 'INVALID_NUMBER', `Used ${quoteValue(usedCell.raw)} is not a whole number`);
  }

  const date = (f: 'activatedOn' | 'expiresOn' | 'maintenanceExpiresOn'): string | null => {
    const c = get(f);
    if (!c) return null;
    origin[f] = c;
    const v = parseFlexibleDate(stripRenewLink(c.raw));
    if (!v) reject(f, c.column, 'INVALID_DATE', `${FIELD_LABELS[f]} ${quoteValue(c.raw)} is not a date`);
    return v;
  };
  let activatedOn = date('activatedOn');
  let expiresOn = date('expiresOn');
  let maintenanceExpiresOn = date('maintenanceExpiresOn');
  const usable = (k: FieldKey) => failed === null || !failed.has(k);

  if (term === null && usable('term')) term = maintenanceExpiresOn && !expiresOn && usable('expiresOn') ? 'lifetime' : 'annual';

  if (term === 'lifetime' && expiresOn && !maintenanceExpiresOn && usable('maintenanceExpiresOn')) {
    maintenanceExpiresOn = expiresOn;
    expiresOn = null;
    const src = origin.expiresOn;
    if (src) origin.maintenanceExpiresOn = src;
    origin.expiresOn = undefined;
  }
  if (parsed.validTill && usable('expiresOn') && usable('maintenanceExpiresOn')) {
    if (term === 'annual' && !expiresOn) {
      expiresOn = parsed.validTill;
      fromItem('expiresOn');
    } else if (term === 'lifetime' && !maintenanceExpiresOn) {
      maintenanceExpiresOn = parsed.validTill;
      fromItem('maintenanceExpiresOn');
    }
  }

  const statusCell = get('activationStatus');
  let activationStatus: ActivationState | null;
  if (statusCell) {
    origin.activationStatus = statusCell;
    activationStatus = parseActivationStatus(statusCell.raw);
    if (!activationStatus) reject('activationStatus', statusCell.column, 'INVALID_VALUE', `License Status ${quoteValue(statusCell.raw)} is neither New nor Active`);
  } else {
    const hasTermDate = term === 'lifetime' ? maintenanceExpiresOn : expiresOn;
    activationStatus = activatedOn || hasTermDate ? 'activated' : 'new';
  }

  if (activationStatus === 'activated' && !activatedOn && usable('activatedOn') && !(usable('expiresOn') && usable('maintenanceExpiresOn'))) {
    // The activation would have been estimated from the unreadable expiry, already reported; saying
    // "needs its activation date" as well would only send the user looking for a column they lack.
    (failed ??= new Set()).add('activatedOn');
  } else if (activationStatus === 'activated' && usable('activatedOn') && usable('expiresOn') && usable('maintenanceExpiresOn')) {
    const endOfFirstYear = term === 'lifetime' ? maintenanceExpiresOn : expiresOn;
    if (!activatedOn && endOfFirstYear) {
      activatedOn = termStart(endOfFirstYear);
      estimated.push('activatedOn');
      const src = origin[term === 'lifetime' ? 'maintenanceExpiresOn' : 'expiresOn'];
      if (src) origin.activatedOn = src;
    } else if (term === 'annual' && activatedOn && !expiresOn) {
      expiresOn = termEnd(activatedOn);
      estimated.push('expiresOn');
      const src = origin.activatedOn;
      if (src) origin.expiresOn = src;
    }
  }

  const candidate: Record<FieldKey, unknown> = {
    itemId,
    licenseId: text('licenseId', 'licenseId'),
    orderId: text('orderId', 'orderId'),
    productCode,
    edition,
    version: text('version', 'version'),
    term,
    quotaMode,
    deviceWindow,
    quotaAmount,
    alias: text('alias', 'alias'),
    activationStatus,
    activatedOn,
    expiresOn,
    maintenanceExpiresOn,
    projectCode: text('projectCode', 'projectCode'),
    notes: text('notes', 'notes') ?? '',
  };

  const checked = NewLicenseInput.safeParse(candidate);
  if (checked.success) return { itemCell, fields: checked.data, used, estimated, rejections };
  for (const issue of checked.error.issues) {
    const key = issue.path[0] as FieldKey | undefined;
    if (key !== undefined && failed?.has(key)) continue;
    rejections.push(schemaRejection(line, key, issue, candidate, origin));
  }
  return { itemCell, fields: null, used, estimated, rejections };
}
