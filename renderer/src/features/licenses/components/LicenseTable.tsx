import GlobalStyles from '@mui/material/GlobalStyles';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { forwardRef, memo, useCallback, useMemo, type ComponentPropsWithoutRef } from 'react';
import { GroupedTableVirtuoso, TableVirtuoso, type TableComponents } from 'react-virtuoso';
import type { LicenseItem } from '../../../../../shared/domain/license';
import type { ProjectGroup } from '../../../../../shared/domain/query';
import type { StatusSettings } from '../../../../../shared/status/index';
import { useStatusSettings } from '../../../components/status-settings';
import { useNow } from '../../../components/useNow';
import type { LicenseListQuery } from '../../../app/route';
import { updateListQuery } from '../list-route';
import { rowAt, type LicenseList } from '../useLicenseList';
import { COLUMNS, openLicense } from './columns';
import { CLS, NARROW_BELOW, TABLE_CLASS, tableStyles } from './tableStyles';

// Fixed layout at the container's width: the product column takes what the others leave (no sideways scroll).
const TABLE_SX = { tableLayout: 'fixed', borderCollapse: 'separate', width: '100%', '& .MuiTableCell-root': { px: 1, fontSize: '0.8125rem' } } as const;

// A constant element: rendered once per mount (and again only when the theme changes).
const BODY_STYLES = <GlobalStyles styles={tableStyles} />;

const CELL_CLASS = COLUMNS.map((c) => `${c.align === 'right' ? CLS.cellRight : CLS.cell}${c.narrowHidden ? ` ${CLS.narrowHidden}` : ''}${c.wrap ? ` ${CLS.cellWrap}` : ''}`);

const components: TableComponents<unknown> = {
  Scroller: forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>((props, ref) => <TableContainer component={Paper} variant="outlined" {...props} ref={ref} />),
  Table: (props) => <Table {...props} size="small" stickyHeader aria-label="Licenses" className={TABLE_CLASS} sx={TABLE_SX} />,
  TableHead: forwardRef<HTMLTableSectionElement, ComponentPropsWithoutRef<'thead'>>((props, ref) => <TableHead {...props} ref={ref} />),
  TableRow: ({ item: _item, context: _context, ...props }) => <tr className={CLS.row} {...props} />,
  TableBody: forwardRef<HTMLTableSectionElement, ComponentPropsWithoutRef<'tbody'>>((props, ref) => <TableBody {...props} ref={ref} />),
};

const HEADER_SX = COLUMNS.map((c) => ({
  width: c.width ?? undefined,
  bgcolor: 'background.paper',
  fontWeight: 600,
  ...(c.narrowWidth ? { [`@container (max-width: ${NARROW_BELOW - 1}px)`]: { width: c.narrowWidth } } : {}),
}));
const GROUP_SX = { bgcolor: 'action.hover', fontWeight: 600, py: 0.75 } as const;
const VIRTUOSO_STYLE = { height: '100%' } as const;
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

type Sort = LicenseListQuery['sort'];

/** The same column again turns the direction; another column starts ascending. */
const setSort = (sort: Sort, key: NonNullable<(typeof COLUMNS)[number]['sortKey']>) =>
  updateListQuery({ sort: { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' } });

const Header = memo(function Header({ sort }: { sort: Sort }) {
  return (
    <TableRow>
      {COLUMNS.map((c, i) => (
        <TableCell key={c.key} sx={HEADER_SX[i]} align={c.align} className={c.narrowHidden ? CLS.narrowHidden : undefined} sortDirection={c.sortKey && sort.key === c.sortKey && c.key !== 'countdown' ? sort.dir : false}>
          {c.sortKey ? (
            <TableSortLabel active={sort.key === c.sortKey && c.key !== 'countdown'} direction={sort.key === c.sortKey ? sort.dir : 'asc'} onClick={() => setSort(sort, c.sortKey!)}>
              {c.label}
            </TableSortLabel>
          ) : c.key === 'select' ? (
            // The column's name for screen readers; the ticks themselves say which item they select.
            <span style={VISUALLY_HIDDEN}>{c.label}</span>
          ) : (
            c.label
          )}
        </TableCell>
      ))}
    </TableRow>
  );
});

/** Every field is a primitive, so equal fields mean an equal row (answers to a new query are new objects). */
function sameRow(a: LicenseItem, b: LicenseItem): boolean {
  if (a === b) return true;
  for (const k in a) if (a[k as keyof LicenseItem] !== b[k as keyof LicenseItem]) return false;
  return true;
}

interface RowProps {
  row: LicenseItem;
  now: Date;
  /** `now` in whole minutes: the finest unit a row shows, so the row re-renders when it changes. */
  minute: number;
  settings: StatusSettings;
}

/** One license's cells; re-rendered only when the license, the minute or the status settings change. */
const RowCells = memo(
  function RowCells({ row, now, settings }: RowProps) {
    const onClick = () => openLicense(row.id);
    return COLUMNS.map((c, i) => (
      <td key={c.key} className={CELL_CLASS[i]} title={c.title?.(row)} onClick={onClick}>
        {c.render(row, now, settings)}
      </td>
    ));
  },
  (a, b) => a.minute === b.minute && a.settings === b.settings && sameRow(a.row, b.row),
);

/**
 * GroupedTableVirtuoso asks for keys by position in the list of group headers and rows together:
 * headers are keyed by group, rows as in the flat table (by their index among the rows).
 */
function groupedKey(starts: number[], flat: number, rowKey: (index: number) => string): string {
  // The last group whose header is at or before `flat` (binary search: there may be many projects).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= flat) lo = mid;
    else hi = mid - 1;
  }
  return flat === starts[lo] ? `g${lo}` : rowKey(flat - lo - 1);
}

/** The position of each group's header among headers and rows. */
function groupStarts(groups: ProjectGroup[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const g of groups) {
    starts.push(at);
    at += 1 + g.count;
  }
  return starts;
}

// Rows whose block has not arrived yet: one constant element, so React skips them on re-render.
const SKELETON_CELLS = COLUMNS.map((c, i) => (
  <td key={c.key} className={CELL_CLASS[i]}>
    <Skeleton variant="text" />
  </td>
));

/** Virtualized: only the visible rows are in the DOM, and only their blocks are fetched. */
export const LicenseTable = memo(function LicenseTable({ list, sort }: { list: LicenseList; sort: Sort }) {
  const total = list.total ?? 0;
  const { blocks, groups, ensureRange } = list;
  const header = useMemo(() => <Header sort={sort} />, [sort]);
  const rangeChanged = useCallback(({ startIndex, endIndex }: { startIndex: number; endIndex: number }) => ensureRange(startIndex, endIndex), [ensureRange]);
  const starts = useMemo(() => groupStarts(groups), [groups]);
  const groupCounts = useMemo(() => groups.map((g) => g.count), [groups]);
  const settings = useStatusSettings();
  const now = useNow();
  const minute = Math.floor(now.getTime() / 60_000);

  const cells = (index: number) => {
    const row = rowAt(blocks, index);
    return row ? <RowCells row={row} now={now} minute={minute} settings={settings} /> : SKELETON_CELLS;
  };
  // Rows are keyed by position: a search's answer brings other licenses into the same places, and
  // updating the cells there costs a fraction of unmounting every row and building it anew (which
  // was a third of the time from the answer to the count on screen). A row whose license and
  // fields are unchanged still skips rendering (RowCells' comparison).
  const rowKey = (index: number) => `r${index}`;
  const common = {
    style: VIRTUOSO_STYLE,
    components,
    rangeChanged,
    // About four rows beyond each edge: enough for a wheel step, and each drawn row costs a keystroke time.
    increaseViewportBy: 200,
    fixedHeaderContent: () => header,
  };

  // `groups` belongs to the rows on screen: it is empty unless they were fetched grouped.
  if (groups.length > 0) {
    return (
      <>
        {BODY_STYLES}
        <GroupedTableVirtuoso
          key="grouped"
          {...common}
          groupCounts={groupCounts}
          groupContent={(i) => (
            <TableCell colSpan={COLUMNS.length} sx={GROUP_SX}>
              {groups[i]?.projectCode ?? 'No project'} · {groups[i]?.count} {groups[i]?.count === 1 ? 'item' : 'items'}
            </TableCell>
          )}
          itemContent={(index) => cells(index)}
          computeItemKey={(flat) => groupedKey(starts, flat, rowKey)}
        />
      </>
    );
  }
  return (
    <>
      {BODY_STYLES}
      <TableVirtuoso key="flat" {...common} totalCount={total} itemContent={cells} computeItemKey={rowKey} />
    </>
  );
});
