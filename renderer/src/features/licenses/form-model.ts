import { NewLicenseInput, licenseFieldIssues, type LicenseItem, type LicenseItemFields } from '../../../../shared/domain/license';
import type { DeviceWindow, LicenseTerm, QuotaMode } from '../../../../shared/domain/quota';
import { termEnd } from '../../../../shared/domain/term';

/** What the form holds: text as typed, so half-typed values never crash conversion. */
export interface LicenseFormValues {
  itemId: string;
  licenseId: string;
  orderId: string;
  productCode: string;
  edition: string;
  version: string;
  term: LicenseTerm;
  quotaMode: QuotaMode;
  deviceWindow: DeviceWindow | '';
  quotaAmount: string;
  alias: string;
  activationStatus: 'new' | 'activated';
  activatedOn: string;
  expiresOn: string;
  maintenanceExpiresOn: string;
  projectCode: string;
  notes: string;
}

export const EMPTY_FORM: LicenseFormValues = {
  itemId: '',
  licenseId: '',
  orderId: '',
  productCode: '',
  edition: '',
  version: '',
  term: 'annual',
  quotaMode: 'devices',
  deviceWindow: '',
  quotaAmount: '',
  alias: '',
  activationStatus: 'activated',
  activatedOn: '',
  expiresOn: '',
  maintenanceExpiresOn: '',
  projectCode: '',
  notes: '',
};

/** The form prefilled from a stored item, for editing: nulls become empty text, numbers become digits. */
export function fromItem(item: LicenseItem): LicenseFormValues {
  return {
    itemId: item.itemId,
    licenseId: item.licenseId ?? '',
    orderId: item.orderId ?? '',
    productCode: item.productCode,
    edition: item.edition ?? '',
    version: item.version ?? '',
    term: item.term,
    quotaMode: item.quotaMode,
    deviceWindow: item.deviceWindow ?? '',
    quotaAmount: String(item.quotaAmount),
    alias: item.alias ?? '',
    activationStatus: item.activationStatus,
    activatedOn: item.activatedOn ?? '',
    expiresOn: item.expiresOn ?? '',
    maintenanceExpiresOn: item.maintenanceExpiresOn ?? '',
    projectCode: item.projectCode ?? '',
    notes: item.notes,
  };
}

export type FieldErrors = Partial<Record<keyof LicenseFormValues, string>>;

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Annual licenses run one year from activation unless the user says otherwise. */
export function defaultExpiry(activatedOn: string): string {
  try {
    return termEnd(activatedOn);
  } catch {
    // Not (yet) a whole date while the user types: no default to offer.
    return '';
  }
}

export function toInput(v: LicenseFormValues): LicenseItemFields {
  const amount = v.quotaAmount.replace(/[,\s]/g, '');
  return {
    itemId: v.itemId.trim(),
    licenseId: orNull(v.licenseId),
    orderId: orNull(v.orderId),
    productCode: v.productCode,
    edition: orNull(v.edition),
    version: orNull(v.version),
    term: v.term,
    quotaMode: v.quotaMode,
    deviceWindow: v.quotaMode === 'devices' && v.deviceWindow ? v.deviceWindow : null,
    quotaAmount: amount === '' ? Number.NaN : Number(amount),
    alias: orNull(v.alias),
    activationStatus: v.activationStatus,
    activatedOn: v.activationStatus === 'activated' ? orNull(v.activatedOn) : null,
    expiresOn: orNull(v.expiresOn),
    maintenanceExpiresOn: v.term === 'lifetime' ? orNull(v.maintenanceExpiresOn) : null,
    projectCode: orNull(v.projectCode),
    notes: v.notes.trim(),
  };
}

const REQUIRED = ['itemId', 'productCode', 'quotaAmount'] as const;

/** The same schema main uses; the form shows its messages next to the fields they concern. */
export function validateForm(v: LicenseFormValues): { ok: true; input: LicenseItemFields } | { ok: false; errors: FieldErrors } {
  const candidate = toInput(v);
  const parsed = NewLicenseInput.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  // zod skips cross-field rules while any single field is invalid; the form shows them all at once.
  for (const issue of licenseFieldIssues(candidate)) errors[issue.path] ??= issue.message;
  for (const key of REQUIRED) if (v[key].trim() === '') errors[key] = 'Required';
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof LicenseFormValues | undefined;
    if (key && !errors[key]) errors[key] = key === 'quotaAmount' && issue.code === 'invalid_type' ? 'Enter a number' : issue.message;
  }
  return { ok: false, errors };
}

export function issuesToErrors(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) {
    const key = i.path.split('.')[0] as keyof LicenseFormValues;
    if (key in EMPTY_FORM && !errors[key]) errors[key] = i.message;
  }
  return errors;
}
