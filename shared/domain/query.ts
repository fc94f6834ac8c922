import { z } from 'zod';
import { HEADLINE_PRECEDENCE } from '../status/headline.js';
import { ViewDate } from './primitives.js';
import { LicenseTerm, QuotaMode } from './quota.js';

/** The headlines in their precedence order (shared/status/headline.ts holds the one list). */
export const HEADLINES = HEADLINE_PRECEDENCE;
export const HeadlineSchema = z.enum(HEADLINES);

export const LICENSE_SORT_KEYS = ['urgency', 'itemId', 'product', 'quotaMode', 'quota', 'used', 'activatedOn', 'expiresOn', 'status', 'project'] as const;
export const LicenseSortKey = z.enum(LICENSE_SORT_KEYS);
export type LicenseSortKey = z.infer<typeof LicenseSortKey>;

/** `NO_PROJECT` in `projectCodes` selects items that hang on no project. */
export const NO_PROJECT = '(none)';

export const LicenseFilters = z.strictObject({
  productCodes: z.array(z.string().max(16)).max(50).default([]),
  headlines: z.array(HeadlineSchema).max(HEADLINES.length).default([]),
  quotaModes: z.array(QuotaMode).max(10).default([]),
  projectCodes: z.array(z.string().max(200)).max(200).default([]),
  terms: z.array(LicenseTerm).max(2).default([]),
  expiresWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
  /** Items whose latest usage is at least this share of their quota (renewed items excluded), e.g. 80 for "quota at risk". */
  minQuotaPercent: z.number().int().min(1).max(1000).nullable().default(null),
});
export type LicenseFilters = z.output<typeof LicenseFilters>;
export type LicenseFiltersInput = z.input<typeof LicenseFilters>;

/** The dashboard's "quota at risk": 80 % of quota, the first of Dynamsoft's usage alert levels beyond 60 %. */
export const QUOTA_AT_RISK_PERCENT = 80;

/** The list as it opens: the most urgent first (expiring soonest, then recently expired, long-expired last). */
export const DEFAULT_SORT = { key: 'urgency', dir: 'asc' } as const satisfies { key: LicenseSortKey; dir: 'asc' | 'desc' };

/**
 * What to show, without the window. `asOf` is the viewer's local date: status filters and the
 * status sort are computed for that day, so the list agrees with the countdowns on screen.
 */
export const LicenseView = z.strictObject({
  search: z.string().trim().max(200).default(''),
  sort: z.strictObject({ key: LicenseSortKey, dir: z.enum(['asc', 'desc']) }).default(DEFAULT_SORT),
  filters: LicenseFilters.default({ productCodes: [], headlines: [], quotaModes: [], projectCodes: [], terms: [], expiresWithinDays: null, minQuotaPercent: null }),
  groupByProject: z.boolean().default(false),
  asOf: ViewDate,
});
export type LicenseView = z.output<typeof LicenseView>;
export type LicenseViewInput = z.input<typeof LicenseView>;

/** A window onto the license list. The store never ships more than `limit` rows over IPC. */
export const LicenseQuery = LicenseView.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type LicenseQueryInput = z.input<typeof LicenseQuery>;
export type LicenseQuery = z.output<typeof LicenseQuery>;

export const ProjectGroup = z.strictObject({ projectCode: z.string().nullable(), count: z.number().int() });
export type ProjectGroup = z.infer<typeof ProjectGroup>;

/** How many filters are set (the search text is not a filter). */
export function activeFilterCount(f: LicenseFilters): number {
  return f.productCodes.length + f.headlines.length + f.quotaModes.length + f.projectCodes.length + f.terms.length + (f.expiresWithinDays === null ? 0 : 1) + (f.minQuotaPercent === null ? 0 : 1);
}
