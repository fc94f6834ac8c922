import { z } from 'zod';

/** A calendar date as `YYYY-MM-DD`. Licenses expire on days, not instants, so dates carry no time zone. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'Not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * The viewer's "today" for status and timelines: a real date whose twelve-month timeline still has
 * four-digit years (year 9999 would run into year 10000).
 */
export const ViewDate = IsoDate.refine((s) => s >= '1900-01-01' && s <= '9998-12-31', 'Use a date between 1900-01-01 and 9998-12-31');

/** Dynamsoft's numeric identifiers (item, license, order ids) are digit strings; keep them as text. */
export const DigitId = z.string().trim().regex(/^\d{1,18}$/, 'Digits only (up to 18)');

export const OrganizationId = z.string().regex(/^\d{1,12}$/, 'An organization ID is digits only');

/** `{organizationID}-{suffix}`: the suffix is free text but never empty. */
export const HandshakeCode = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .regex(/^\d{1,12}-\S+$/, 'A project ID looks like {organizationID}-{suffix}');

export const Timestamp = z.string().datetime({ offset: true });
