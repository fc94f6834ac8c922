import type { HistoryEntry } from '../../../../shared/domain/usage';
import { fieldLabel, fieldValue } from './format';

export const ACTION_LABELS: Record<HistoryEntry['action'], string> = {
  created: 'Added by hand',
  updated: 'Edited',
  imported: 'Imported',
  renewed: 'Renewed',
  usage: 'Usage recorded',
};

export interface ChangeLine {
  label: string;
  before: string | null;
  after: string;
}

function isPair(v: unknown): v is [unknown, unknown] {
  return Array.isArray(v) && v.length === 2;
}

/** Fields in the order the details list shows them, so every entry reads the same way. */
const ORDER = [
  'itemId', 'licenseId', 'orderId', 'productCode', 'edition', 'version', 'term', 'quotaMode', 'deviceWindow', 'quotaAmount',
  'alias', 'activationStatus', 'activatedOn', 'expiresOn', 'maintenanceExpiresOn', 'projectCode', 'notes', 'takenOn', 'used',
];
const rank = (k: string) => (ORDER.indexOf(k) === -1 ? ORDER.length : ORDER.indexOf(k));

/**
 * One entry's changes as lines. A value stored as [before, after] is a change; anything else is a value
 * as stored (creations and imports record the whole item). Empty stored values are left out: "Alias: —"
 * on every creation would only be noise.
 */
export function changeLines(entry: HistoryEntry, productName: (code: string) => string = (c) => c): ChangeLine[] {
  // An item created by an import records which import: the batch keeps the file's full report.
  const { batch, file } = entry.changes;
  if (entry.action === 'imported' && typeof batch === 'number') {
    return [{ label: 'Source', before: null, after: `${typeof file === 'string' && file ? file : 'a file'} (import #${batch})` }];
  }
  if (entry.action === 'renewed') return renewalLines(entry.changes);
  const show = (key: string, v: unknown) => (key === 'productCode' && typeof v === 'string' ? productName(v) : fieldValue(key, v));
  return Object.entries(entry.changes)
    .sort(([a], [b]) => rank(a) - rank(b))
    .flatMap(([key, value]): ChangeLine[] => {
      if (isPair(value)) return [{ label: fieldLabel(key), before: show(key, value[0]), after: show(key, value[1]) }];
      if (value === null || value === '' || value === undefined) return [];
      return [{ label: fieldLabel(key), before: null, after: show(key, value) }];
    });
}

/** A renewal entry names the other license and the order (electron/core/services/orders/fulfilment.ts): in words, not as stored keys. */
const RENEWAL_LINES: Record<string, (v: unknown) => ChangeLine> = {
  renewedBy: (v) => ({ label: 'Renewed by', before: null, after: `item ${String(v)}` }),
  renews: (v) => ({ label: 'Renews', before: null, after: `item ${String(v)}` }),
  order: (v) => ({ label: 'Order', before: null, after: `#${String(v)}` }),
};

function renewalLines(changes: HistoryEntry['changes']): ChangeLine[] {
  return Object.entries(changes).flatMap(([key, value]) => (value === null || value === undefined ? [] : [RENEWAL_LINES[key]?.(value) ?? { label: fieldLabel(key), before: null, after: fieldValue(key, value) }]));
}

export function sourceLabel(source: string): string {
  if (source === 'manual') return 'by hand';
  return source.startsWith('import') || source.includes('.') ? `from ${source}` : source;
}

/** A usage entry as one phrase ("83,400 on Nov 2, 2026" in en-US), or null for any other kind of entry. */
export function usageReading(entry: HistoryEntry): string | null {
  const { used, takenOn } = entry.changes;
  if (entry.action !== 'usage' || typeof used !== 'number') return null;
  return typeof takenOn === 'string' ? `${fieldValue('used', used)} on ${fieldValue('takenOn', takenOn)}` : fieldValue('used', used);
}
