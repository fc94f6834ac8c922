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
import { GroupedTableVirtuoso, TableVirtuoso, type TableComponents } from 'react-virtuoso';
import { useRoute } from '../../../app/route';
import { useNow } from '../../../components/useNow';
import { rowAt, useLicenses } from '../store';
import { COLUMNS } from './columns';

const components: TableComponents<unknown> = {
  Scroller: forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>((props, ref) => <TableContainer component={Paper} variant="outlined" {...props} ref={ref} />),
  Table: (props) => <Table {...props} size="small" stickyHeader aria-label="Licenses" sx={{ tableLayout: 'fixed', borderCollapse: 'separate', minWidth: 1180, '& .MuiTableCell-root': { px: 1, fontSize: '0.8125rem' } }} />,
  TableHead: forwardRef<HTMLTableSectionElement, ComponentPropsWithoutRef<'thead'>>((props, ref) => <TableHead {...props} ref={ref} />),
  TableRow: ({ item: _item, ...props }) => <TableRow hover {...props} sx={{ cursor: 'pointer' }} />,
  TableBody: forwardRef<HTMLTableSectionElement, ComponentPropsWithoutRef<'tbody'>>((props, ref) => <TableBody {...props} ref={ref} />),
};

function Header() {
  const sort = useLicenses((s) => s.sort);
  const setSort = useLicenses((s) => s.setSort);
  return (
    <TableRow>
      {COLUMNS.map((c) => (
        <TableCell key={c.key} sx={{ width: c.width, bgcolor: 'background.paper', fontWeight: 600 }} align={c.align} sortDirection={c.sortKey && sort.key === c.sortKey && c.key !== 'countdown' ? sort.dir : false}>
          {c.sortKey ? (
            <TableSortLabel active={sort.key === c.sortKey && c.key !== 'countdown'} direction={sort.key === c.sortKey ? sort.dir : 'asc'} onClick={() => setSort(c.sortKey!)}>
              {c.label}
            </TableSortLabel>
          ) : (
            c.label
          )}
        </TableCell>
      ))}
    </TableRow>
  );
}

/** Virtualized: only the visible rows are in the DOM, and only their blocks are fetched. */
export function LicenseTable() {
  const total = useLicenses((s) => s.total) ?? 0;
  const blocks = useLicenses((s) => s.blocks);
  const groupByProject = useLicenses((s) => s.groupByProject);
  const groups = useLicenses((s) => s.groups);
  const ensureRange = useLicenses((s) => s.ensureRange);
  const go = useRoute((s) => s.go);
  const now = useNow();
  const open = (id: number) => go({ page: 'license', id });

  const cells = (index: number) => {
    const row = rowAt(blocks, index);
    return COLUMNS.map((c) => (
      <TableCell
        key={c.key}
        align={c.align}
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
        title={row && c.key === 'product' ? (row.edition ? `${row.productName} · ${row.edition}` : row.productName) : undefined}
        onClick={row ? () => open(row.id) : undefined}
      >
        {row ? c.render(row, now, open) : <Skeleton variant="text" />}
      </TableCell>
    ));
  };
  const common = {
    style: { height: '100%' },
    components,
    rangeChanged: ({ startIndex, endIndex }: { startIndex: number; endIndex: number }) => ensureRange(startIndex, endIndex),
    increaseViewportBy: 400,
    fixedHeaderContent: () => <Header />,
  };

  if (groupByProject && groups.length > 0) {
    return (
      <GroupedTableVirtuoso
        {...common}
        groupCounts={groups.map((g) => g.count)}
        groupContent={(i) => (
          <TableCell colSpan={COLUMNS.length} sx={{ bgcolor: 'action.hover', fontWeight: 600, py: 0.75 }}>
            {groups[i]?.projectCode ?? 'No project'} · {groups[i]?.count} {groups[i]?.count === 1 ? 'item' : 'items'}
          </TableCell>
        )}
        itemContent={(index) => cells(index)}
      />
    );
  }
  return <TableVirtuoso {...common} totalCount={total} itemContent={(index) => cells(index)} />;
}
