import { stringify } from 'csv-stringify/sync';
import type { LicenseItem } from '../../../../shared/domain/license.js';
import type { LicenseView } from '../../../../shared/domain/query.js';
import { QUOTA_MODE_LABELS } from '../../../../shared/domain/quota.js';
import { HEADLINE_LABELS, licenseStatus, localDate, type StatusSettings } from '../../../../shared/status/index.js';
import type { ReadableDb } from '../../db/connection.js';
import { buildListQuery } from './list-query.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from './rows.js';
import { UNWATCHED, type JobContext } from '../progress.js';

/**
 * A cell that a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP ASVS 1.2.10):
 * `=`, `+`, `-`, `@`, tab and carriage return. Applied to every text cell, ids included.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const COLUMNS: [string, (r: LicenseItem, status: string) => string | number | null][] = [
  ['Item Id', (r) => r.itemId],
  ['License Id', (r) => r.licenseId],
  ['Order Id', (r) => r.orderId],
  ['Product', (r) => r.productName],
  ['Edition', (r) => r.edition],
  ['Version Info', (r) => r.version],
  ['License Type', (r) => (r.term === 'annual' ? 'Annual' : 'Lifetime')],
  ['Quota Mode', (r) => QUOTA_MODE_LABELS[r.quotaMode].label],
  ['Device Window', (r) => r.deviceWindow],
  ['Accumulated Quota', (r) => r.quotaAmount],
  ['Used', (r) => r.used],
  ['Used On', (r) => r.usedOn],
  ['Status', (_r, s) => s],
  ['License Status', (r) => (r.activationStatus === 'activated' ? 'Active' : 'New')],
  ['Activation Date', (r) => r.activatedOn],
  ['Expiry Date', (r) => r.expiresOn],
  ['Maintenance Expiry Date', (r) => r.maintenanceExpiresOn],
  ['Project', (r) => r.projectCode],
  ['Alias', (r) => r.alias],
  ['Notes', (r) => r.notes],
];

/** Every item of the current view (filters, search, sort), not just the rows on screen. */
export function exportLicenses(db: ReadableDb, view: LicenseView, settings: StatusSettings, format: 'csv' | 'json', ctx: JobContext = UNWATCHED) {
  const { where, params, orderBy } = buildListQuery(view, settings);
  ctx.progress('reading', 0, null);
  const rows = (db.prepare(`${LICENSE_SELECT} ${where} ${orderBy}`).all(params) as LicenseRow[]).map(toLicense);
  ctx.checkCancelled();
  let done = 0;
  const tick = () => {
    ctx.progress('formatting', done++, rows.length);
    ctx.checkCancelled();
  };
  // Statuses as of the start of the viewer's day, the same day the filters used.
  const asOf = localDate(view.asOf);
  const stamp = view.asOf;
  if (format === 'json') {
    const items = rows.map((r) => (tick(), { ...r, status: licenseStatus(r, asOf, settings).headline }));
    return { fileName: `licenses-${stamp}.json`, mimeType: 'application/json', rows: rows.length, content: `${JSON.stringify({ exportedFor: view.asOf, count: items.length, licenses: items }, null, 2)}\n` };
  }
  const records = rows.map((r) => {
    tick();
    const status = HEADLINE_LABELS[licenseStatus(r, asOf, settings).headline].label;
    return COLUMNS.map(([, get]) => {
      const v = get(r, status);
      return typeof v === 'string' ? escapeFormula(v) : v;
    });
  });
  const content = stringify([COLUMNS.map(([h]) => h), ...records], { bom: true, record_delimiter: 'windows' });
  return { fileName: `licenses-${stamp}.csv`, mimeType: 'text/csv', rows: rows.length, content };
}
