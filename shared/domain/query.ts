import { z } from 'zod';

export const LICENSE_SORT_KEYS = ['itemId', 'product', 'quotaMode', 'quota', 'activatedOn', 'expiresOn', 'project'] as const;
export const LicenseSortKey = z.enum(LICENSE_SORT_KEYS);
export type LicenseSortKey = z.infer<typeof LicenseSortKey>;

/** A window onto the license list. The store never ships more than `limit` rows over IPC. */
export const LicenseQuery = z.strictObject({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  search: z.string().trim().max(200).default(''),
  sort: z.strictObject({ key: LicenseSortKey, dir: z.enum(['asc', 'desc']) }).default({ key: 'expiresOn', dir: 'asc' }),
});
export type LicenseQueryInput = z.input<typeof LicenseQuery>;
export type LicenseQuery = z.output<typeof LicenseQuery>;
