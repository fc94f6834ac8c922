import type { MouseEvent, ReactNode } from 'react';
import { productLabel, type LicenseItem } from '../../../../../shared/domain/license';
import { shortProductLabel } from '../../../components/product-name';
import { formatDate } from '../../../components/dates';
import type { LicenseSortKey } from '../../../../../shared/domain/query';
import type { QuotaMode } from '../../../../../shared/domain/quota';
import { HEADLINE_LABELS, licenseStatus, type Headline, type StatusSettings, type TimeState } from '../../../../../shared/status/index';
import { useRoute } from '../../../app/route';
import { countdownView } from '../../../components/Countdown';
import { quotaView } from '../../../components/QuotaBar';
import { useSelection } from '../selection';
import { CLS } from './tableStyles';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';

export interface Column {
  key: string;
  label: string;
  sortKey?: LicenseSortKey;
  /** Pixels; null takes the room the others leave (the product name, which shortens). */
  width: number | null;
  /** The width on a narrow list, when it differs. */
  narrowWidth?: number;
  align?: 'right';
  /** Hidden when the list is narrow (a laptop window): its value is then shown in another column. */
  narrowHidden?: boolean;
  /** The text wraps onto a second line instead of being cut (rows are two lines high for the quota bar anyway). */
  wrap?: boolean;
  /** The cell's tooltip, when its text may be cut off. */
  title?(row: LicenseItem): string;
  /** Plain markup styled by the table's class rules (tableStyles.ts), not MUI components: see there. */
  render(row: LicenseItem, now: Date, settings: StatusSettings): ReactNode;
}

export const openLicense = (id: number) => useRoute.getState().go({ page: 'license', id });

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


/** The item id as a link-styled button that opens the license (the row click does too). */
function ItemIdLink({ row }: { row: LicenseItem }) {
  const onClick = (e: MouseEvent) => {
    e.stopPropagation();
    openLicense(row.id);
  };
  return (
    <button type="button" className={CLS.link} onClick={onClick}>
      {row.itemId}
    </button>
  );
}

/** The row's tick for "Renew selected"; a click here never opens the license. */
function SelectCell({ row }: { row: LicenseItem }) {
  const checked = useSelection((s) => s.items.has(row.id));
  return (
    <input
      type="checkbox"
      aria-label={`Select item ${row.itemId}`}
      checked={checked}
      onClick={(e) => e.stopPropagation()}
      onChange={() => useSelection.getState().toggle(row)}
      style={{ width: 16, height: 16, margin: 0, cursor: 'pointer' }}
    />
  );
}

/** Same text, title, bar and accessible name as the shared QuotaBar. */
function QuotaCell({ row }: { row: LicenseItem }) {
  const v = quotaView(row);
  return (
    <div className={CLS.quota} title={v.label}>
      <p className={CLS.quotaText}>
        {v.text}
        {/* The mode, when its own column is hidden on a narrow list. */}
        <span className={CLS.narrowOnly}> {SHORT_MODE[row.quotaMode].toLowerCase()}</span>
      </p>
      <span className={`${CLS.bar} ld-bar-${v.color}`} role="progressbar" aria-valuenow={v.value} aria-valuemin={0} aria-valuemax={100} aria-label={v.label}>
        <span className={CLS.bar1} style={{ transform: `translateX(${v.value - 100}%)` }} />
      </span>
    </div>
  );
}

/**
 * The short name on screen; the full one on hover (title), for screen readers, and on screen while
 * keyboard focus is in the row (tableStyles.ts), since a title never shows to a keyboard.
 */
function ProductCell({ row }: { row: LicenseItem }) {
  return (
    <>
      <span aria-hidden="true" className={CLS.productShort}>
        {shortProductLabel(row)}
      </span>
      <span className={`${CLS.srOnly} ${CLS.productFull}`}>{productLabel(row)}</span>
    </>
  );
}

const dateOr = (iso: string | null, none: string) => (iso ? formatDate(iso) : none);

const COUNT_CLASS: Partial<Record<TimeState, string>> = {
  active: CLS.count,
  'expiring-red': `${CLS.count} ld-count-strong ld-count-red`,
  expired: `${CLS.count} ld-count-strong ld-count-red`,
  'expiring-amber': `${CLS.count} ld-count-strong ld-count-amber`,
};

/** Same text and colours as the shared Countdown. */
function CountdownCell({ row, now, settings }: { row: LicenseItem; now: Date; settings: StatusSettings }) {
  const v = countdownView(row, now, settings);
  // The date itself under the countdown, on a narrow list, where the Expires column is hidden.
  const date = row.expiresOn ? <span className={`${CLS.narrowOnly} ${CLS.subline}`}>{formatDate(row.expiresOn)}</span> : null;
  if (v.muted)
    return (
      <>
        <p className={CLS.muted}>{v.text}</p>
        {date}
      </>
    );
  return (
    <>
      <span className={COUNT_CLASS[v.state] ?? `${CLS.count} ld-count-strong`}>{v.text}</span>
      {date}
    </>
  );
}

// One element per headline: React skips a chip whose headline has not changed.
const CHIPS = Object.fromEntries(
  (Object.keys(HEADLINE_LABELS) as Headline[]).map((h) => {
    const { label, tone } = HEADLINE_LABELS[h];
    return [
      h,
      <div className={`${CLS.chip} ld-chip-${tone}`}>
        <span className={CLS.chipLabel}>{label}</span>
      </div>,
    ];
  }),
) as Record<Headline, ReactNode>;

// Status right after the item, so it stays in view on the narrowest window (900 px). Status is as wide
// as its longest chip ("Quota nearly used") so no chip wraps. A project code fits on one line on a wide
// list; on a narrow one it breaks after its hyphen rather than being cut (cut, every code would show only
// the organization part, the same on every row), and the expiry date moves under Time left. What is
// left goes to the product name.
export const COLUMNS: Column[] = [
  { key: 'itemId', label: 'Item ID', sortKey: 'itemId', width: 100, narrowWidth: 92, render: (r) => <ItemIdLink row={r} /> },
  { key: 'status', label: 'Status', sortKey: 'status', width: 156, render: (r, now, settings) => CHIPS[licenseStatus(r, now, settings).headline] },
  { key: 'product', label: 'Product', sortKey: 'product', width: null, title: productLabel, render: (r) => <ProductCell row={r} /> },
  { key: 'mode', label: 'Mode', sortKey: 'quotaMode', width: 92, narrowHidden: true, render: (r) => SHORT_MODE[r.quotaMode] },
  { key: 'quota', label: 'Quota used', sortKey: 'used', width: 150, render: (r) => <QuotaCell row={r} /> },
  { key: 'activatedOn', label: 'Activated', sortKey: 'activatedOn', width: 108, narrowHidden: true, render: (r) => dateOr(r.activatedOn, EMPTY_VALUE) },
  { key: 'expiresOn', label: 'Expires', sortKey: 'expiresOn', width: 108, narrowHidden: true, render: (r) => dateOr(r.expiresOn, r.term === 'lifetime' ? 'Lifetime' : EMPTY_VALUE) },
  { key: 'countdown', label: 'Time left', sortKey: 'expiresOn', width: 92, narrowWidth: 104, title: (r) => (r.expiresOn ? `Expires ${formatDate(r.expiresOn)}` : ''), render: (r, now, settings) => <CountdownCell row={r} now={now} settings={settings} /> },
  { key: 'project', label: 'Project', sortKey: 'project', width: 176, narrowWidth: 100, wrap: true, title: (r) => r.projectCode ?? '', render: (r) => r.projectCode ?? EMPTY_VALUE },
  // Last, so the item id stays the row's first cell (what people and tests read first).
  { key: 'select', label: 'Select', width: 36, render: (r) => <SelectCell row={r} /> },
];
