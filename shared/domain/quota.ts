import { z } from 'zod';

/**
 * How a license item's quota is counted (docs/domain-notes.md §3). Each mode counts one unit; the amount is
 * always in that unit.
 */
export const QUOTA_MODES = [
  'scans',
  'pages',
  'devices',
  'concurrent-devices',
  'concurrent-instances',
  'servers',
  'domains',
  'offline-devices',
] as const;
export const QuotaMode = z.enum(QUOTA_MODES);
export type QuotaMode = z.infer<typeof QuotaMode>;

export const QUOTA_MODE_LABELS: Record<QuotaMode, { label: string; unit: string }> = {
  scans: { label: 'Per barcode scan', unit: 'scans' },
  pages: { label: 'Per page', unit: 'pages' },
  devices: { label: 'Per client device', unit: 'devices' },
  'concurrent-devices': { label: 'Per concurrent device', unit: 'concurrent devices' },
  'concurrent-instances': { label: 'Per concurrent instance', unit: 'instances' },
  servers: { label: 'Per server', unit: 'servers' },
  domains: { label: 'Per domain', unit: 'domains' },
  'offline-devices': { label: 'Offline registered devices', unit: 'devices' },
};

/** Per-client-device licenses hold a seat for a rolling window (yearly, quarterly, monthly, daily active). */
export const DEVICE_WINDOWS = ['yearly', 'quarterly', 'monthly', 'daily'] as const;
export const DeviceWindow = z.enum(DEVICE_WINDOWS);
export type DeviceWindow = z.infer<typeof DeviceWindow>;

export const LICENSE_TERMS = ['annual', 'lifetime'] as const;
export const LicenseTerm = z.enum(LICENSE_TERMS);
export type LicenseTerm = z.infer<typeof LicenseTerm>;

/** "1 server", "10,000 scans": the amount in the unit its mode counts, singular where it is one. */
export function formatQuota(amount: number, mode: QuotaMode): string {
  const unit = QUOTA_MODE_LABELS[mode].unit;
  return `${amount.toLocaleString('en-US')} ${amount === 1 ? unit.replace(/s$/, '') : unit}`;
}
