import { ESTIMABLE_DATES, type EstimableDate, type LicenseItem } from '../../../../shared/domain/license.js';

/** The row shape of LICENSE_SELECT; mapped explicitly so a renamed column fails to compile. */
export interface LicenseRow {
  id: number;
  item_id: string;
  license_id: string | null;
  order_id: string | null;
  product_code: string;
  product_name: string;
  edition: string | null;
  version: string | null;
  term: LicenseItem['term'];
  quota_mode: LicenseItem['quotaMode'];
  device_window: LicenseItem['deviceWindow'];
  quota_amount: number;
  alias: string | null;
  activation_status: LicenseItem['activationStatus'];
  activated_on: string | null;
  expires_on: string | null;
  maintenance_expires_on: string | null;
  project_code: string | null;
  renewed_by_id: number | null;
  notes: string;
  used: number | null;
  used_on: string | null;
  estimated_dates: string | null;
  created_at: string;
  updated_at: string;
}

export const LICENSE_FROM = `FROM license_items li JOIN products p ON p.code = li.product_code LEFT JOIN projects pr ON pr.id = li.project_id`;

/** Counting needs no join: list filters use license_items columns and subqueries only. */
export const LICENSE_COUNT_FROM = 'FROM license_items li';

/** The columns of a LicenseRow, for queries that join license_items li, products p and projects pr their own way. */
export const LICENSE_COLUMNS = `li.id, li.item_id, li.license_id, li.order_id, li.product_code, p.name AS product_name,
         li.edition, li.version, li.term, li.quota_mode, li.device_window, li.quota_amount, li.alias,
         li.activation_status, li.activated_on, li.expires_on, li.maintenance_expires_on,
         pr.handshake_code AS project_code, li.renewed_by_id, li.notes, li.used, li.used_on,
         li.estimated_dates, li.created_at, li.updated_at`;

export const LICENSE_SELECT = `SELECT ${LICENSE_COLUMNS} ${LICENSE_FROM}`;

export function toLicense(r: LicenseRow): LicenseItem {
  return {
    id: r.id,
    itemId: r.item_id,
    licenseId: r.license_id,
    orderId: r.order_id,
    productCode: r.product_code,
    productName: r.product_name,
    edition: r.edition,
    version: r.version,
    term: r.term,
    quotaMode: r.quota_mode,
    deviceWindow: r.device_window,
    quotaAmount: r.quota_amount,
    alias: r.alias,
    activationStatus: r.activation_status,
    activatedOn: r.activated_on,
    expiresOn: r.expires_on,
    maintenanceExpiresOn: r.maintenance_expires_on,
    projectCode: r.project_code,
    renewedById: r.renewed_by_id,
    notes: r.notes,
    used: r.used,
    usedOn: r.used_on,
    estimatedDates: parseEstimated(r.estimated_dates),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The estimated_dates column (see migration 0006) as a list, in a fixed order. */
export function parseEstimated(stored: string | null): EstimableDate[] {
  if (!stored) return [];
  const parts = stored.split(',');
  return ESTIMABLE_DATES.filter((d) => parts.includes(d));
}

export function storeEstimated(dates: readonly EstimableDate[]): string | null {
  const list = ESTIMABLE_DATES.filter((d) => dates.includes(d));
  return list.length ? list.join(',') : null;
}
