import { z } from 'zod';
import { LicenseItem } from './license.js';
import { HeadlineSchema } from './query.js';

export const DashboardSummary = z.strictObject({
  total: z.number().int(),
  counts: z.record(HeadlineSchema, z.number().int()),
  /** Activated, not renewed, not yet expired; soonest first. */
  nextToExpire: z.array(LicenseItem),
  /** Items at 80 % of quota or beyond, worst first. */
  quotaAtRisk: z.array(LicenseItem),
  /** How many items are at risk in all (quotaAtRisk holds the worst ten). */
  quotaAtRiskTotal: z.number().int(),
  /** Twelve months from asOf's month: how many items expire in each. */
  timeline: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), count: z.number().int() })),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;
