import { addMonths, format } from 'date-fns';
import type { DashboardSummary } from '../../../shared/domain/dashboard.js';
import { HEADLINES, QUOTA_AT_RISK_PERCENT } from '../../../shared/domain/query.js';
import { localDate } from '../../../shared/status/index.js';
import type { ReadableDb } from '../db/connection.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from './licenses/rows.js';
import { quotaAtLeastSql } from './licenses/list-query.js';
import { HEADLINE_SQL } from './licenses/status-sql.js';
import type { SettingsService } from './settings.js';

export function createDashboardService(db: ReadableDb, settings: SettingsService) {
  return { summary: (asOf: string) => dashboardSummary(db, asOf, settings) };
}
export type DashboardService = ReturnType<typeof createDashboardService>;

/** The home page in four queries, all aggregated in SQLite so it stays quick at 100,000 items. */
export function dashboardSummary(db: ReadableDb, asOf: string, settings: SettingsService): DashboardSummary {
  const s = settings.status();
  const params = { today: asOf, redDays: s.redDays, amberDays: s.amberDays, atRisk: QUOTA_AT_RISK_PERCENT };
  const counts = Object.fromEntries(HEADLINES.map((h) => [h, 0])) as DashboardSummary['counts'];
  let total = 0;
  for (const r of db.prepare(`SELECT ${HEADLINE_SQL} AS h, count(*) AS n FROM license_items li GROUP BY h`).all(params) as { h: keyof typeof counts; n: number }[]) {
    counts[r.h] = r.n;
    total += r.n;
  }
  const live = `li.activation_status = 'activated' AND li.renewed_by_id IS NULL`;
  const nextToExpire = (
    db.prepare(`${LICENSE_SELECT} WHERE ${live} AND li.expires_on >= @today ORDER BY li.expires_on, li.id LIMIT 10`).all(params) as LicenseRow[]
  ).map(toLicense);
  const quotaAtRisk = (
    db
      .prepare(`${LICENSE_SELECT} WHERE ${quotaAtLeastSql('@atRisk')} ORDER BY CAST(li.used AS REAL) / li.quota_amount DESC, li.id LIMIT 10`)
      .all(params) as LicenseRow[]
  ).map(toLicense);
  // The table shows ten; the heading and the link say how many there are.
  const quotaAtRiskTotal = db.prepare(`SELECT count(*) FROM license_items li WHERE ${quotaAtLeastSql('@atRisk')}`).pluck().get({ atRisk: QUOTA_AT_RISK_PERCENT }) as number;

  const first = localDate(asOf.slice(0, 8) + '01');
  const months = Array.from({ length: 12 }, (_, i) => format(addMonths(first, i), 'yyyy-MM'));
  const byMonth = new Map(
    (
      db
        .prepare(`SELECT substr(li.expires_on, 1, 7) AS month, count(*) AS n FROM license_items li WHERE ${live} AND li.expires_on >= @from AND li.expires_on < @to GROUP BY month`)
        .all({ from: `${months[0]}-01`, to: `${format(addMonths(first, 12), 'yyyy-MM')}-01` }) as { month: string; n: number }[]
    ).map((r) => [r.month, r.n]),
  );
  return { total, counts, nextToExpire, quotaAtRisk, quotaAtRiskTotal, timeline: months.map((month) => ({ month, count: byMonth.get(month) ?? 0 })) };
}
