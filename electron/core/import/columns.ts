import { IMPORT_FIELD_LABELS } from '../../../shared/domain/labels.js';
/**
 * Which source column feeds which license field. The importer suggests a mapping from the headers;
 * the user confirms or changes it before any row is validated.
 */

// The target fields and the mapping's shape are the contract's (shared/domain/import.ts), named here
// as the importer has always called them.
export { IMPORT_TARGET_FIELDS as TARGET_FIELDS } from '../../../shared/domain/import.js';
export type { ImportTargetField as TargetField, ColumnMapping } from '../../../shared/domain/import.js';
import type { ColumnMapping, ImportTargetField as TargetField } from '../../../shared/domain/import.js';

/** Plain-word names for the mapping screen and for rejection messages. */
export const TARGET_FIELD_LABELS: Record<TargetField, string> = IMPORT_FIELD_LABELS;

/** "Item ID", "item_id" and "ITEM-ID" all become "itemid". */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Rank 0: the portal's own headers (docs/domain-notes.md §5.1) and our own field names. Rank 1: synonyms that
// people use in their own sheets. When two headers claim one field, the better rank wins, so a
// sheet with both "Id" and "Item Id" maps "Item Id".
const KNOWN_HEADERS: [TargetField, number, string[]][] = [
  ['itemId', 0, ['Item Id', 'itemId']],
  ['itemId', 1, ['Item No', 'Item Number', 'Id']],
  ['licenseId', 0, ['License Id', 'licenseId']],
  ['licenseId', 1, ['Licence Id', 'License No', 'License Number']],
  ['orderId', 0, ['Order Id', 'orderId']],
  ['orderId', 1, ['Order', 'Order No', 'Order Number']],
  ['product', 0, ['Product', 'productCode']],
  ['product', 1, ['Product Name', 'Product Code', 'Select a product']],
  ['licenseItem', 0, ['License Item', 'licenseItem']],
  ['licenseItem', 1, ['Licence Item', 'Product Sale Name', 'Sale Name', 'Item Name', 'Item']],
  ['edition', 0, ['Edition']],
  ['edition', 1, ['Product Edition']],
  ['version', 0, ['Version Info', 'version']],
  ['version', 1, ['Version', 'Product Version']],
  ['term', 0, ['License Type', 'term']],
  ['term', 1, ['Licence Type', 'License Term']],
  ['quotaMode', 0, ['Quota Mode', 'quotaMode']],
  ['quotaMode', 1, ['Mode', 'License Mode', 'Licensing Mode', 'Quota Type', 'Count By']],
  ['quotaAmount', 0, ['Accumulated Quota', 'quotaAmount']],
  ['quotaAmount', 1, ['Quota', 'Total Quota', 'Quota Amount']],
  ['used', 0, ['Used']],
  ['used', 1, ['Used Quota', 'Consumed']],
  // The License Server's Items page: "Quantity" reads "0 of 100000 (0.00 %) devices used".
  ['usage', 0, ['Quantity', 'usage']],
  ['usage', 1, ['Usage', 'Devices Used', 'Quota Used']],
  ['activationStatus', 0, ['License Status', 'activationStatus']],
  ['activationStatus', 1, ['Status', 'Activation Status', 'Activated']],
  ['activatedOn', 0, ['Activation Date', 'activatedOn']],
  ['activatedOn', 1, ['Activated On', 'Activated At', 'Activation Time', 'Activation', 'Start Date', 'Valid From']],
  ['expiresOn', 0, ['Usage/Maintenance Expiry Date', 'expiresOn']],
  ['expiresOn', 1, ['Expiry', 'Expires', 'Expiry Date', 'Expiration', 'Expiration Date', 'Expires On', 'Usage Expiry Date', 'Valid Till', 'Valid Until', 'License Expiry Date', 'End Date']],
  ['maintenanceExpiresOn', 0, ['Maintenance Expiry Date', 'maintenanceExpiresOn']],
  ['maintenanceExpiresOn', 1, ['Maintenance Expiry', 'Maintenance Expires', 'Service Expiry Date', 'Support Expiry Date', 'Maintenance Until']],
  ['projectCode', 0, ['Project', 'projectCode']],
  ['projectCode', 1, ['Project Code', 'Project Id', 'Handshake Code', 'Linked Project Name', 'Linked Project']],
  ['alias', 0, ['Alias']],
  ['alias', 1, ['License Alias']],
  ['notes', 0, ['Notes']],
  ['notes', 1, ['Note', 'Comment', 'Comments', 'Remarks']],
];

const HEADER_INDEX: Map<string, { field: TargetField; rank: number }> = new Map(
  KNOWN_HEADERS.flatMap(([field, rank, names]) => names.map((n) => [normalizeHeader(n), { field, rank }] as const)),
);

// Rank 2: loose keyword guesses for headers nobody listed ("Maintenance ends", "Date of expiry").
function guessByKeyword(n: string): TargetField | null {
  if (/(maintenance|service|support)/.test(n) && /(expir|until|till|end)/.test(n)) return 'maintenanceExpiresOn';
  if (/expir/.test(n)) return 'expiresOn';
  if (/activat/.test(n) && /(date|on|at|time)$/.test(n)) return 'activatedOn';
  if (/(note|comment|remark)/.test(n)) return 'notes';
  if (/handshake/.test(n)) return 'projectCode';
  return null;
}

/**
 * Suggests a mapping for the given headers, ignoring case, spaces and punctuation. Each field is
 * given to at most one header; headers it does not recognise (the portal's "Operation") map to null.
 */
export function suggestMapping(headers: string[]): ColumnMapping {
  const candidates = headers.flatMap((header, index) => {
    const n = normalizeHeader(header);
    const known = HEADER_INDEX.get(n);
    if (known) return [{ header, index, ...known }];
    const guessed = guessByKeyword(n);
    return guessed ? [{ header, index, field: guessed, rank: 2 }] : [];
  });
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);

  const mapping: ColumnMapping = Object.fromEntries(headers.map((h) => [h, null]));
  const taken = new Set<TargetField>();
  for (const c of candidates) {
    if (taken.has(c.field) || mapping[c.header] !== null) continue;
    mapping[c.header] = c.field;
    taken.add(c.field);
  }
  return mapping;
}

/**
 * The fields the mapping still needs before rows can be read. An Item Id is always needed (it is
 * the natural key); the product and quota come either from the License Item text or from separate
 * Product, Quota mode and Quota columns.
 */
export function missingRequired(mapping: ColumnMapping): TargetField[] {
  const mapped = new Set(Object.values(mapping).filter((f): f is TargetField => f !== null));
  const missing: TargetField[] = [];
  if (!mapped.has('itemId')) missing.push('itemId');
  if (!mapped.has('licenseItem')) {
    for (const f of ['product', 'quotaMode', 'quotaAmount'] as const) {
      // The usage text ("0 of 100000 devices used") states the quota and usually the mode.
      if (!mapped.has(f) && !(f !== 'product' && mapped.has('usage'))) missing.push(f);
    }
  }
  return missing;
}
