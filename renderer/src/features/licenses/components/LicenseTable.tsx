import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { TableVirtuoso, type TableComponents } from 'react-virtuoso';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { QUOTA_MODE_LABELS } from '../../../../../shared/domain/quota';
import type { LicenseSortKey } from '../../../../../shared/domain/query';
import { rowAt, useLicenses } from '../store';

interface Column {
  key: string;
  label: string;
  sortKey?: LicenseSortKey;
  width: number;
  align?: 'right';
  render(row: LicenseItem): React.ReactNode;
}

const fmt = new Intl.NumberFormat();

export const COLUMNS: Column[] = [
  { key: 'itemId', label: 'Item ID', sortKey: 'itemId', width: 110, render: (r) => r.itemId },
  {
    key: 'product',
    label: 'Product / edition',
    sortKey: 'product',
    width: 260,
    render: (r) => (r.edition ? `${r.productName} · ${r.edition}` : r.productName),
  },
  { key: 'mode', label: 'Mode', sortKey: 'quotaMode', width: 150, render: (r) => QUOTA_MODE_LABELS[r.quotaMode].label },
  {
    key: 'quota',
    label: 'Quota',
    sortKey: 'quota',
    width: 150,
    align: 'right',
    render: (r) => `${r.used === null ? '–' : fmt.format(r.used)} / ${fmt.format(r.quotaAmount)}`,
  },
  { key: 'activatedOn', label: 'Activated', sortKey: 'activatedOn', width: 110, render: (r) => r.activatedOn ?? 'Not activated' },
  { key: 'expiresOn', label: 'Expires', sortKey: 'expiresOn', width: 110, render: (r) => r.expiresOn ?? (r.term === 'lifetime' ? 'Lifetime' : '–') },
  { key: 'project', label: 'Project', sortKey: 'project', width: 200, render: (r) => r.projectCode ?? '–' },
];

const components: TableComponents<number> = {
  Scroller: forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>((props, ref) => <TableContainer component={Paper} variant="outlined" {...props} ref={ref} />),
  Table: (props) => <Table {...props} size="small" stickyHeader aria-label="Licenses" sx={{ tableLayout: 'fixed', borderCollapse: 'separate' }} />,
  TableHead: forwardRef<HTMLTableSectionElement, ComponentPropsWithoutRef<'thead'>>((props, ref) => <TableHead {...props} ref={ref} />),
  TableRow: ({ item: _item, ...props }) => <TableRow hover {...props} />,
  TableBody: forwardRef<HTMLTableSectionElement, ComponentPropsWithoutRef<'tbody'>>((props, ref) => <TableBody {...props} ref={ref} />),
};

/** Virtualized: only the visible rows are in the DOM, and only their blocks are fetched. */
export function LicenseTable() {
  const total = useLicenses((s) => s.total) ?? 0;
  const blocks = useLicenses((s) => s.blocks);
  const sort = useLicenses((s) => s.sort);
  const setSort = useLicenses((s) => s.setSort);
  const ensureRange = useLicenses((s) => s.ensureRange);

  return (
    <TableVirtuoso
      style={{ height: '100%' }}
      totalCount={total}
      components={components}
      rangeChanged={({ startIndex, endIndex }) => ensureRange(startIndex, endIndex)}
      increaseViewportBy={400}
      fixedHeaderContent={() => (
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell key={c.key} sx={{ width: c.width, bgcolor: 'background.paper', fontWeight: 600 }} align={c.align} sortDirection={c.sortKey && sort.key === c.sortKey ? sort.dir : false}>
              {c.sortKey ? (
                <TableSortLabel active={sort.key === c.sortKey} direction={sort.key === c.sortKey ? sort.dir : 'asc'} onClick={() => setSort(c.sortKey!)}>
                  {c.label}
                </TableSortLabel>
              ) : (
                c.label
              )}
            </TableCell>
          ))}
        </TableRow>
      )}
      itemContent={(index) => {
        const row = rowAt(blocks, index);
        return COLUMNS.map((c) => (
          <TableCell key={c.key} align={c.align} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {row ? c.render(row) : <Skeleton variant="text" />}
          </TableCell>
        ));
      }}
    />
  );
}
