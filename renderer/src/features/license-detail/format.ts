import { EMPTY_VALUE, HOSTING_LABELS, KEY_KIND_LABELS, LICENSE_FIELD_LABELS } from '../../../../shared/domain/labels';
import { formatQuota } from '../../../../shared/domain/quota';
import { formatDate, formatDateTime } from '../../components/dates';
import type { LicenseItemFields } from '../../../../shared/domain/license';
import { QUOTA_MODE_LABELS, type DeviceWindow, type QuotaMode } from '../../../../shared/domain/quota';

export const numberFormat = new Intl.NumberFormat();

/** Shown wherever a field has no value, so empty and zero never look alike (the app's one mark). */
export const EMPTY = EMPTY_VALUE;

/** A stored timestamp in the viewer's local time and locale, as every page shows them (components/dates.ts). */
export const formatTimestamp = formatDateTime;

export function deviceWindowLabel(w: DeviceWindow): string {
  return `${w[0]!.toUpperCase()}${w.slice(1)} active devices`;
}

/** "10,000 scans", "1 server". */
export function amountInUnit(amount: number, mode: QuotaMode): string {
  return formatQuota(amount, mode);
}



/** Field names as the history shows them; also covers the keys a usage entry records. */
export { HOSTING_LABELS, KEY_KIND_LABELS };

export const FIELD_LABELS: Record<keyof LicenseItemFields | 'used' | 'takenOn', string> = {
  ...LICENSE_FIELD_LABELS,
  used: 'Used',
  takenOn: 'Recorded on',
};

export function fieldLabel(key: string): string {
  return (FIELD_LABELS as Record<string, string>)[key] ?? key;
}

/** A stored field value in words: enum codes become their labels, empty becomes a dash. */
export function fieldValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (key) {
    case 'quotaMode':
      return QUOTA_MODE_LABELS[value as QuotaMode]?.label ?? value;
    case 'deviceWindow':
      return deviceWindowLabel(value as DeviceWindow);
    case 'term':
      return value === 'lifetime' ? 'Lifetime' : value === 'annual' ? 'Annual' : value;
    case 'activationStatus':
      return value === 'activated' ? 'Activated' : value === 'new' ? 'New (not activated)' : value;
    case 'activatedOn':
    case 'expiresOn':
    case 'maintenanceExpiresOn':
    case 'takenOn':
      return formatDate(value);
    default:
      return value;
  }
}
