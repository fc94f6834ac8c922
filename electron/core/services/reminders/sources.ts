import { isOpenOrder, ORDER_STATES } from '../../../../shared/domain/order.js';
import { formatQuota } from '../../../../shared/domain/quota.js';
import { productLabel } from '../../../../shared/domain/license.js';
import { forecast, type UsageReading } from '../../../../shared/status/forecast.js';
import type { ReminderSettings } from '../../../../shared/domain/reminders.js';
import type { ReadableDb } from '../../db/connection.js';
import { LICENSE_FROM, LICENSE_SELECT, toLicense, type LicenseRow } from '../licenses/rows.js';
import type { CalendarLicense } from './ics.js';
import { localDay, plusDays, productSchedule, type OpenRenewalOrder, type ScheduleLicense } from './schedule.js';

const LIVE = `li.activation_status = 'activated' AND li.renewed_by_id IS NULL`;
const OPEN_STATES = ORDER_STATES.filter(isOpenOrder)
  .map((s) => `'${s}'`)
  .join(', ');
/** Each license's newest open renewal order, with the day it was sent (from its state changes). */
const OPEN_RENEWALS = `
  SELECT l.source_id AS licenseId, o.id, o.state,
         (SELECT max(e.at) FROM order_events e WHERE e.order_id = o.id AND e.to_state = 'sent') AS sentAt
  FROM order_lines l JOIN orders o ON o.id = l.order_id
  WHERE o.kind = 'renewal' AND o.state IN (${OPEN_STATES}) AND l.source_id IS NOT NULL
  ORDER BY o.id`;

/**
 * The furthest expiry any reminder can already be due for: the largest offset plus the longest lead
 * time, in calendar days (5 business days span at most 7, plus a weekend at either end).
 */
function horizonDays(settings: ReminderSettings): number {
  const all = [{ leadTimeDays: settings.leadTimeDays, offsets: settings.offsets }, ...settings.overrides.map((o) => productSchedule(settings, o.productCode))];
  return Math.max(...all.map((s) => Math.max(...s.offsets) + Math.ceil((s.leadTimeDays * 7) / 5) + 4));
}

/** Licenses with at least two usage readings: the ones a forecast can say anything about. */
const WITH_READINGS = `SELECT license_item_id FROM usage_snapshots GROUP BY license_item_id HAVING count(*) >= 2`;
const READINGS = `SELECT taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? ORDER BY taken_on`;

/** The day the recorded usage is projected to reach the quota (100 %), or null without a forecast. */
function quotaRunsOutOn(readingsOf: (id: number) => UsageReading[], row: CandidateRow): string | null {
  if (row.quota_amount <= 0 || row.used === null) return null;
  const readings = readingsOf(row.id);
  if (readings.length < 2) return null;
  const f = forecast({ readings, quotaAmount: row.quota_amount, quotaMode: row.quota_mode, expiresOn: row.expires_on });
  return f.thresholds.find((t) => t.percent === 100)?.on ?? null;
}

/** The columns the schedule reads, and whether the license has the two readings a forecast needs. */
type CandidateRow = Pick<
  LicenseRow,
  'id' | 'item_id' | 'product_code' | 'product_name' | 'edition' | 'alias' | 'project_code' | 'activation_status' | 'expires_on' | 'renewed_by_id' | 'quota_mode' | 'quota_amount' | 'used' | 'used_on' | 'created_at'
> & { forecastable: 0 | 1 };

const CANDIDATE_COLUMNS = `li.id, li.item_id, li.product_code, p.name AS product_name, li.edition, li.alias, pr.handshake_code AS project_code,
  li.activation_status, li.expires_on, li.renewed_by_id, li.quota_mode, li.quota_amount, li.used, li.used_on, li.created_at,
  li.id IN (${WITH_READINGS}) AS forecastable`;

function toScheduleLicense(row: CandidateRow, knownSince: string, openOrder: OpenRenewalOrder | null, runsOutOn: string | null): ScheduleLicense {
  return {
    id: row.id,
    itemId: row.item_id,
    productCode: row.product_code,
    product: productLabel({ productName: row.product_name, edition: row.edition }),
    alias: row.alias,
    projectCode: row.project_code,
    activationStatus: row.activation_status,
    expiresOn: row.expires_on,
    renewedById: row.renewed_by_id,
    quotaMode: row.quota_mode,
    quotaAmount: row.quota_amount,
    used: row.used,
    usedOn: row.used_on,
    knownSince,
    openOrder,
    quotaRunsOutOn: runsOutOn,
  };
}

/**
 * Only the licenses that can have a reminder due on `today`: live ones whose expiry is within the
 * horizon, whose recorded usage has reached 80 %, or whose readings allow a quota forecast. SQL narrows the 100,000-row table through the
 * expiry index; the schedule decides the rest.
 */
export function reminderCandidates(db: ReadableDb, settings: ReminderSettings, today: string): ScheduleLicense[] {
  const open = new Map<number, OpenRenewalOrder>();
  for (const r of db.prepare(OPEN_RENEWALS).all() as { licenseId: number; id: number; state: string; sentAt: string | null }[]) {
    open.set(r.licenseId, { id: r.id, state: r.state, sentOn: r.sentAt ? localDay(new Date(r.sentAt)) : null });
  }
  const rows = db
    .prepare(
      `SELECT ${CANDIDATE_COLUMNS} ${LICENSE_FROM} WHERE ${LIVE} AND ((li.expires_on >= @today AND li.expires_on <= @horizon) OR (li.used IS NOT NULL AND li.used * 100 >= 80 * li.quota_amount)
         OR li.id IN (SELECT value FROM json_each(@open)) OR li.id IN (${WITH_READINGS}))`,
    )
    .all({ today, horizon: plusDays(today, horizonDays(settings)), open: JSON.stringify([...open.keys()]) }) as CandidateRow[];
  const readings = db.prepare(READINGS);
  const readingsOf = (id: number) => readings.all(id) as UsageReading[];
  // An import gives thousands of licenses the same created_at: its local day is worked out once.
  const days = new Map<string, string>();
  const knownSince = (createdAt: string) => {
    let day = days.get(createdAt);
    if (day === undefined) days.set(createdAt, (day = localDay(new Date(createdAt))));
    return day;
  };
  // Only a license with two readings can have a forecast: the others are not asked for theirs.
  return rows.map((row) => toScheduleLicense(row, knownSince(row.created_at), open.get(row.id) ?? null, row.forecastable ? quotaRunsOutOn(readingsOf, row) : null));
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
