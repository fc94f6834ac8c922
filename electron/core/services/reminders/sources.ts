import { formatQuota } from '../../../../shared/domain/quota.js';
import { productLabel } from '../../../../shared/domain/license.js';
import type { ReminderSettings } from '../../../../shared/domain/reminders.js';
import type { ReadableDb } from '../../db/connection.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from '../licenses/rows.js';
import type { CalendarLicense } from './ics.js';
import { localDay, plusDays, productSchedule, type ScheduleLicense } from './schedule.js';

const LIVE = `li.activation_status = 'activated' AND li.renewed_by_id IS NULL`;

/**
 * The furthest expiry any reminder can already be due for: the largest offset plus the longest lead
 * time, in calendar days (5 business days span at most 7, plus a weekend at either end).
 */
function horizonDays(settings: ReminderSettings): number {
  const all = [{ leadTimeDays: settings.leadTimeDays, offsets: settings.offsets }, ...settings.overrides.map((o) => productSchedule(settings, o.productCode))];
  return Math.max(...all.map((s) => Math.max(...s.offsets) + Math.ceil((s.leadTimeDays * 7) / 5) + 4));
}

function toScheduleLicense(row: LicenseRow): ScheduleLicense {
  const l = toLicense(row);
  return {
    id: l.id,
    itemId: l.itemId,
    productCode: l.productCode,
    product: productLabel(l),
    alias: l.alias,
    projectCode: l.projectCode,
    activationStatus: l.activationStatus,
    expiresOn: l.expiresOn,
    renewedById: l.renewedById,
    quotaMode: l.quotaMode,
    quotaAmount: l.quotaAmount,
    used: l.used,
    usedOn: l.usedOn,
    knownSince: localDay(new Date(l.createdAt)),
    // Open renewal orders and quota forecasts come from the orders work (issue 9); until a license
    // can have either, none has.
    openOrder: null,
    quotaRunsOutOn: null,
  };
}

/**
 * Only the licenses that can have a reminder due on `today`: live ones whose expiry is within the
 * horizon, or whose recorded usage has reached 80 %. SQL narrows the 100,000-row table through the
 * expiry index; the schedule decides the rest.
 */
export function reminderCandidates(db: ReadableDb, settings: ReminderSettings, today: string): ScheduleLicense[] {
  const rows = db
    .prepare(`${LICENSE_SELECT} WHERE ${LIVE} AND ((li.expires_on >= @today AND li.expires_on <= @horizon) OR (li.used IS NOT NULL AND li.used * 100 >= 80 * li.quota_amount))`)
    .all({ today, horizon: plusDays(today, horizonDays(settings)) }) as LicenseRow[];
  return rows.map(toScheduleLicense);
}

export type CalendarScope = { scope: 'all' } | { scope: 'license'; licenseId: number } | { scope: 'project'; projectCode: string };

/** Live licenses that have not expired yet, for the calendar: all of them, one project's, or one. */
export function calendarLicenses(db: ReadableDb, scope: CalendarScope, today: string): CalendarLicense[] {
  const where = scope.scope === 'license' ? 'AND li.id = @id' : scope.scope === 'project' ? 'AND pr.handshake_code = @project' : '';
  const rows = db
    .prepare(`${LICENSE_SELECT} WHERE ${LIVE} AND li.expires_on >= @today ${where} ORDER BY li.expires_on, li.id`)
    .all({ today, id: scope.scope === 'license' ? scope.licenseId : null, project: scope.scope === 'project' ? scope.projectCode : null }) as LicenseRow[];
  return rows.map((row) => {
    const l = toLicense(row);
    return {
      itemId: l.itemId,
      productCode: l.productCode,
      product: productLabel(l),
      alias: l.alias,
      projectCode: l.projectCode,
      expiresOn: l.expiresOn!,
      quota: formatQuota(l.quotaAmount, l.quotaMode),
    };
  });
}
