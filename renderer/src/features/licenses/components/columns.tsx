import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import type { LicenseItem } from '../../../../../shared/domain/license';
import type { LicenseSortKey } from '../../../../../shared/domain/query';
import type { QuotaMode } from '../../../../../shared/domain/quota';
import { Countdown } from '../../../components/Countdown';
import { QuotaBar } from '../../../components/QuotaBar';
import { StatusChip } from '../../../components/StatusChip';

export interface Column {
  key: string;
  label: string;
  sortKey?: LicenseSortKey;
  width: number;
  align?: 'right';
  render(row: LicenseItem, now: Date, open: (id: number) => void): ReactNode;
}

const SHORT_MODE: Record<QuotaMode, string> = {
  scans: 'Scans',
  pages: 'Pages',
  devices: 'Devices',
  'concurrent-devices': 'Concurrent',
  'concurrent-instances': 'Instances',
  servers: 'Servers',
  domains: 'Domains',
  'offline-devices': 'Offline devices',
};

export const COLUMNS: Column[] = [
  {
    key: 'itemId',
    label: 'Item ID',
    sortKey: 'itemId',
    width: 96,
    render: (r, _now, open) => (
      <Link component="button" type="button" underline="hover" onClick={(e) => (e.stopPropagation(), open(r.id))} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {r.itemId}
      </Link>
    ),
  },
  { key: 'product', label: 'Product / edition', sortKey: 'product', width: 220, render: (r) => (r.edition ? `${r.productName} · ${r.edition}` : r.productName) },
  { key: 'mode', label: 'Mode', sortKey: 'quotaMode', width: 96, render: (r) => SHORT_MODE[r.quotaMode] },
  { key: 'quota', label: 'Quota used / total', sortKey: 'used', width: 150, render: (r) => <QuotaBar item={r} /> },
  { key: 'activatedOn', label: 'Activated', sortKey: 'activatedOn', width: 100, render: (r) => r.activatedOn ?? '–' },
  { key: 'expiresOn', label: 'Expires', sortKey: 'expiresOn', width: 100, render: (r) => r.expiresOn ?? (r.term === 'lifetime' ? 'Lifetime' : '–') },
  { key: 'countdown', label: 'Time left', sortKey: 'expiresOn', width: 140, render: (r, now) => <Countdown item={r} now={now} /> },
  { key: 'status', label: 'Status', sortKey: 'status', width: 124, render: (r, now) => <StatusChip item={r} now={now} /> },
  { key: 'project', label: 'Project', sortKey: 'project', width: 170, render: (r) => r.projectCode ?? '–' },
];
