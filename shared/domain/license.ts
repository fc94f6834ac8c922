import { z } from 'zod';
import { DigitId, HandshakeCode, IsoDate, Timestamp } from './primitives.js';
import { DeviceWindow, LicenseTerm, QuotaMode } from './quota.js';

export const ACTIVATION_STATES = ['new', 'activated'] as const;
export const ActivationState = z.enum(ACTIVATION_STATES);
export type ActivationState = z.infer<typeof ActivationState>;

const Text = (max: number) => z.string().trim().max(max);
const OptionalText = (max: number) => Text(max).nullable();

/**
 * The fields a person or an import supplies for one license item. Shared by the Add/Edit form,
 * the IPC contract and the importers so that every path validates the same way.
 */
export const LicenseItemFields = z.strictObject({
  itemId: DigitId,
  licenseId: DigitId.nullable(),
  orderId: DigitId.nullable(),
  productCode: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'Choose a product'),
  edition: OptionalText(120),
  version: OptionalText(20),
  term: LicenseTerm,
  quotaMode: QuotaMode,
  deviceWindow: DeviceWindow.nullable(),
  quotaAmount: z.number().int('Whole numbers only').min(1, 'At least 1').max(1_000_000_000),
  alias: OptionalText(200),
  activationStatus: ActivationState,
  activatedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  maintenanceExpiresOn: IsoDate.nullable(),
  projectCode: HandshakeCode.nullable(),
  notes: Text(4000),
});
export type LicenseItemFields = z.infer<typeof LicenseItemFields>;

/** Cross-field rules, kept apart so forms can report them against the right field. */
export function licenseFieldIssues(f: LicenseItemFields): { path: keyof LicenseItemFields; message: string }[] {
  const issues: { path: keyof LicenseItemFields; message: string }[] = [];
  if (f.activationStatus === 'activated' && !f.activatedOn) {
    issues.push({ path: 'activatedOn', message: 'An activated license needs its activation date' });
  }
  if (f.activationStatus === 'new' && f.activatedOn) {
    issues.push({ path: 'activatedOn', message: 'A new (not activated) license has no activation date' });
  }
  if (f.activatedOn && f.expiresOn && f.expiresOn <= f.activatedOn) {
    issues.push({ path: 'expiresOn', message: 'Expiry must be after activation' });
  }
  if (f.term === 'annual' && f.maintenanceExpiresOn) {
    issues.push({ path: 'maintenanceExpiresOn', message: 'Only lifetime licenses have a maintenance expiry' });
  }
  if (f.deviceWindow && f.quotaMode !== 'devices') {
    issues.push({ path: 'deviceWindow', message: 'Only per-client-device licenses have an active-device window' });
  }
  return issues;
}

export const NewLicenseInput = LicenseItemFields.superRefine((f, ctx) => {
  for (const issue of licenseFieldIssues(f)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type NewLicenseInput = z.infer<typeof NewLicenseInput>;

/** Dates an import estimated (e.g. activation as one year before expiry), not read from a source. */
export const ESTIMABLE_DATES = ['activatedOn', 'expiresOn'] as const;
export const EstimableDate = z.enum(ESTIMABLE_DATES);
export type EstimableDate = z.infer<typeof EstimableDate>;

export const LicenseItem = LicenseItemFields.extend({
  id: z.number().int().positive(),
  estimatedDates: z.array(EstimableDate),
  productName: z.string(),
  /** The latest usage snapshot, if any was recorded. */
  used: z.number().int().min(0).nullable(),
  usedOn: IsoDate.nullable(),
  renewedById: z.number().int().positive().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type LicenseItem = z.infer<typeof LicenseItem>;

/** "Dynamsoft Barcode Reader · JavaScript Edition": how every list names an item's product. */
export function productLabel(item: Pick<LicenseItem, 'productName' | 'edition'>): string {
  return item.edition ? `${item.productName} · ${item.edition}` : item.productName;
}
