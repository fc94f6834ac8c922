import { z } from 'zod';
import { IsoDate, Timestamp } from './primitives.js';
import { QuotaMode } from './quota.js';

export const UsageSnapshot = z.strictObject({
  id: z.number().int().positive(),
  licenseId: z.number().int().positive(),
  takenOn: IsoDate,
  used: z.number().int().min(0),
});
export type UsageSnapshot = z.infer<typeof UsageSnapshot>;

export const AddUsageInput = z.strictObject({
  licenseId: z.number().int().positive(),
  takenOn: IsoDate,
  used: z.number().int('Whole numbers only').min(0, 'Cannot be negative').max(10_000_000_000),
  /** The person has seen the over-quota warning and keeps the figure (see USAGE_CONFIRM_RATIO). */
  confirmed: z.boolean().default(false),
});
/** `confirmed` may be left out: a reading is unconfirmed unless said otherwise. */
export type AddUsageInput = z.input<typeof AddUsageInput>;

/**
 * A reading above this multiple of the quota asks for confirmation. The License Server refuses use
 * beyond 105 % (scans, pages) or 110 % (new devices) of quota, so twice the quota is almost always
 * a typing slip (an extra digit, the quota and usage swapped) rather than a real reading.
 */
export const USAGE_CONFIRM_RATIO = 2;

export const HISTORY_ACTIONS = ['created', 'updated', 'imported', 'renewed', 'usage'] as const;

export const HistoryEntry = z.strictObject({
  id: z.number().int().positive(),
  at: Timestamp,
  action: z.enum(HISTORY_ACTIONS),
  source: z.string(),
  /** Updates: field → [before, after]. Manual creations: the stored fields. Items created by an import: { batch, file }. */
  changes: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** A project's usage as one series, for the project forecast (status/forecast.ts combineReadings). */
export const ProjectUsage = z.strictObject({
  handshakeCode: z.string(),
  productCode: z.string(),
  quotaMode: QuotaMode,
  /** The items counted: activated, not expired, same product and quota mode. */
  itemCount: z.number().int().min(0),
  totalQuota: z.number().int().min(0),
  /** The latest expiry among them (null when none has one). */
  expiresOn: IsoDate.nullable(),
  readings: z.array(z.strictObject({ takenOn: IsoDate, used: z.number().int().min(0) })),
});
export type ProjectUsage = z.infer<typeof ProjectUsage>;
