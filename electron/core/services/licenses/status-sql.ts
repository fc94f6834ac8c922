import { QUOTA_MODES } from '../../../../shared/domain/quota.js';
import { HEADLINE_PRECEDENCE } from '../../../../shared/status/index.js';
import { overuseLimit } from '../../../../shared/status/quota.js';

/**
 * The headline status (shared/status/headline.ts) as one SQL expression, so the list can filter,
 * count and sort 100,000 items by status without loading them. It must agree with `licenseStatus`
 * for every item; a property test checks exactly that. Parameters: @today (the viewer's local date,
 * YYYY-MM-DD), @redDays, @amberDays. Table alias `li`.
 *
 * The order of the WHEN branches is HEADLINE_PRECEDENCE: the first branch that holds is the most
 * severe of the time and quota dimensions.
 */
const limitPercent = `CASE li.quota_mode ${QUOTA_MODES.map((m) => `WHEN '${m}' THEN ${Math.round(overuseLimit(m) * 100)}`).join(' ')} END`;
const activated = `li.activation_status = 'activated' AND li.renewed_by_id IS NULL`;
const daysLeft = `(julianday(li.expires_on) - julianday(@today))`;
const hasUse = `li.used IS NOT NULL`;

const BRANCHES: Record<(typeof HEADLINE_PRECEDENCE)[number], string> = {
  renewed: `li.renewed_by_id IS NOT NULL`,
  expired: `${activated} AND li.expires_on IS NOT NULL AND li.expires_on < @today`,
  blocked: `${hasUse} AND li.used * 100 > ${limitPercent} * li.quota_amount`,
  'not-activated': `li.activation_status <> 'activated'`,
  grace: `${hasUse} AND li.used * 100 > 100 * li.quota_amount`,
  'expiring-red': `li.expires_on IS NOT NULL AND ${daysLeft} <= @redDays`,
  'quota-full': `${hasUse} AND li.used * 100 = 100 * li.quota_amount`,
  'expiring-amber': `li.expires_on IS NOT NULL AND ${daysLeft} <= @amberDays`,
  'quota-high': `${hasUse} AND li.used * 100 >= 80 * li.quota_amount`,
  active: `1`,
};

export const HEADLINE_SQL = `(CASE ${HEADLINE_PRECEDENCE.map((h) => `WHEN ${BRANCHES[h]} THEN '${h}'`).join(' ')} END)`;

/** Sorting by status means sorting by severity, most severe first in ascending order. */
export const HEADLINE_RANK_SQL = `(CASE ${HEADLINE_SQL} ${HEADLINE_PRECEDENCE.map((h, i) => `WHEN '${h}' THEN ${i}`).join(' ')} END)`;
