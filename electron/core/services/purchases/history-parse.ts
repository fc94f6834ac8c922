import { parse } from 'csv-parse/sync';
import type { PurchaseKind, PurchaseLine } from '../../../../shared/domain/purchase-history.js';
import { MAX_LINE_MINOR, parseAmount } from '../../../../shared/domain/money.js';
import { parseFlexibleDate } from '../../import/dates.js';

/**
 * Reading the customer portal's My Orders and Quote lists (domain notes §5.1), as a CSV file or as a
 * table copied from the page (tab-separated, the expanded lines under their order with their own
 * header row). Two shapes are understood:
 * - flat: one header with the order (or quote) columns followed by line columns; one row per line,
 *   the order columns repeated (a spreadsheet's usual shape);
 * - nested: the list's header, then each order row, optionally followed by a line header row
 *   ("Product Sale Id, Product Name, Amount") and its lines.
 */

export interface ParsedPurchase {
  kind: PurchaseKind;
  refId: string;
  paid: boolean | null;
  userEmail: string;
  company: string;
  createdOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  amountMinor: number | null;
  lines: PurchaseLine[];
}

export interface ParsedHistory {
  records: ParsedPurchase[];
  rejected: { line: number; message: string }[];
}

type RecordField = 'refId' | 'userEmail' | 'company' | 'created' | 'validTime' | 'amount' | 'paid';
type LineField = 'itemId' | 'referrerItemId' | 'productName' | 'quantity' | 'amount';

const RECORD_NAMES: Record<PurchaseKind, Record<RecordField, string[]>> = {
  order: {
    refId: ['orderid', 'order'],
    userEmail: ['useremail', 'email'],
    company: ['companyname', 'company', 'organization'],
    created: ['createtime', 'createdtime', 'createdate', 'orderdate', 'date'],
    validTime: [],
    amount: ['amount', 'orderamount', 'total'],
    paid: ['paid', 'status', 'paymentstatus'],
  },
  quote: {
    refId: ['id', 'quoteid', 'quote'],
    userEmail: ['useremail', 'email'],
    company: ['organization', 'company', 'companyname'],
    created: ['createdtime', 'createtime', 'createdate', 'date'],
    validTime: ['validtime', 'validity', 'valid'],
    amount: ['amount', 'quoteamount', 'total'],
    paid: [],
  },
};

const LINE_NAMES: Record<PurchaseKind, Record<LineField, string[]>> = {
  order: { itemId: ['productsaleid', 'saleid'], referrerItemId: [], productName: ['productname', 'product'], quantity: ['quantity', 'qty'], amount: ['lineamount', 'amount'] },
  quote: { itemId: ['itemid'], referrerItemId: ['referreritemid', 'referrerid'], productName: ['productname', 'product'], quantity: ['quantity', 'qty'], amount: ['lineamount', 'amount'] },
};

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

interface Layout {
  record: Partial<Record<RecordField, number>>;
  line: Partial<Record<LineField, number>>;
}

function isLineHeader(cells: string[], kind: PurchaseKind): boolean {
  const n = cells.map(norm);
  return n.includes(LINE_NAMES[kind].itemId[0]!) && n.some((c) => LINE_NAMES[kind].productName.includes(c));
}

function isRecordHeader(cells: string[], kind: PurchaseKind): boolean {
  const n = cells.map(norm);
  return n.some((c) => RECORD_NAMES[kind].refId.includes(c)) && n.some((c) => RECORD_NAMES[kind].amount.includes(c));
}

/** Columns of a header row: record columns first; from the first line column on, line columns. */
function layoutOf(cells: string[], kind: PurchaseKind, linesOnly: boolean): Layout {
  const layout: Layout = { record: {}, line: {} };
  let inLines = linesOnly;
  cells.forEach((cell, i) => {
    const c = norm(cell);
    if (!inLines && LINE_NAMES[kind].itemId.includes(c)) inLines = true;
    const names = inLines ? LINE_NAMES[kind] : RECORD_NAMES[kind];
    const target = inLines ? layout.line : layout.record;
    for (const [field, aliases] of Object.entries(names) as [string, string[]][]) {
      if (aliases.includes(c) && (target as Record<string, number>)[field] === undefined) (target as Record<string, number>)[field] = i;
    }
  });
  return layout;
}

function sniff(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (first.includes('\t')) return '\t';
  return first.split(';').length > first.split(',').length ? ';' : ',';
}

function money(raw: string): number | null | string {
  const s = raw.trim();
  if (s === '' || s === '-') return null;
  const r = parseAmount(s.replace(/\s*\((paid|unpaid)\)$/i, ''), MAX_LINE_MINOR);
  return r.ok ? r.value : `the amount "${s}" is not a number of ${'USD'} with up to two decimals`;
}

function dateOrNull(raw: string | undefined): string | null {
  return raw && raw.trim() !== '' ? parseFlexibleDate(raw.trim()) : null;
}

export function parsePurchaseHistory(text: string, kind: PurchaseKind): ParsedHistory {
  const records = parse(text, { bom: true, delimiter: sniff(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const out: ParsedHistory = { records: [], rejected: [] };
  let layout: Layout | null = null;
  let lineLayout: Layout['line'] | null = null;
  let current: ParsedPurchase | null = null;
  const byRef = new Map<string, ParsedPurchase>();

  const cell = (row: string[], i: number | undefined) => (i === undefined ? '' : (row[i] ?? '').trim());

  function addLine(row: string[], cols: Layout['line'], lineNo: number, target: ParsedPurchase): void {
    const name = cell(row, cols.productName);
    const itemId = cell(row, cols.itemId);
    if (!name && !itemId) return;
    const amount = money(cell(row, cols.amount));
    if (typeof amount === 'string') return void out.rejected.push({ line: lineNo, message: `Line ${lineNo}: ${amount}.` });
    const q = cell(row, cols.quantity).replace(/,/g, '');
    if (q && !/^\d+$/.test(q)) return void out.rejected.push({ line: lineNo, message: `Line ${lineNo}: the quantity "${q}" is not a whole number.` });
    target.lines.push({ itemId: itemId || null, referrerItemId: cell(row, cols.referrerItemId) || null, productName: name, quantity: q ? Number(q) : null, amountMinor: amount });
  }

  for (const { record: row, info } of records) {
    const lineNo = info.lines;
    if (isRecordHeader(row, kind)) {
      layout = layoutOf(row, kind, false);
      lineLayout = null;
      continue;
    }
    if (isLineHeader(row, kind)) {
      lineLayout = layoutOf(row, kind, true).line;
      continue;
    }
    if (!layout) {
      out.rejected.push({ line: lineNo, message: `Line ${lineNo} comes before the list's header row (${kind === 'order' ? 'Order Id … Amount' : 'Id … Amount'}).` });
      continue;
    }
    const emailCol = layout.record.userEmail;
    const looksLikeRecord = lineLayout === null || (emailCol !== undefined && cell(row, emailCol).includes('@'));
    if (!looksLikeRecord && current) {
      addLine(row, lineLayout!, lineNo, current);
      continue;
    }
    const refRaw = cell(row, layout.record.refId);
    const ref = /^(\d{1,18})\s*(?:\((paid|unpaid)\))?$/i.exec(refRaw);
    if (!ref) {
      out.rejected.push({ line: lineNo, message: `Line ${lineNo}: "${refRaw}" is not a portal ${kind} id (digits, as in 1042001).` });
      continue;
    }
    const refId = ref[1]!;
    const amount = money(cell(row, layout.record.amount));
    if (typeof amount === 'string') {
      out.rejected.push({ line: lineNo, message: `Line ${lineNo}: ${amount}.` });
      continue;
    }
    const paidText = (ref[2] ?? cell(row, layout.record.paid)).toLowerCase();
    const [fromRaw, toRaw] = cell(row, layout.record.validTime).split(/\s*(?:~|\bto\b)\s*/);
    let rec = byRef.get(refId);
    if (!rec) {
      rec = {
        kind,
        refId,
        paid: kind === 'quote' || paidText === '' ? null : /^(paid|yes|true|1)$/.test(paidText),
        userEmail: cell(row, layout.record.userEmail),
        company: cell(row, layout.record.company),
        createdOn: dateOrNull(cell(row, layout.record.created)),
        validFrom: dateOrNull(fromRaw),
        validTo: dateOrNull(toRaw),
        amountMinor: amount,
        lines: [],
      };
      byRef.set(refId, rec);
      out.records.push(rec);
    }
    current = rec;
    // A flat file carries a line on the same row.
    if (Object.keys(layout.line).length > 0) addLine(row, layout.line, lineNo, rec);
  }
  // With no header at all, the rows before it are not the problem: the file is not this list.
  if (!layout) out.rejected = [{ line: 1, message: `No header row found: a ${kind === 'order' ? 'My Orders list starts with Order Id, User Email, Company Name, Create Time, Amount' : 'Quote list starts with Id, User Email, Created Time, Organization, Valid Time, Amount'}.` }];
  return out;
}
