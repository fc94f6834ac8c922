import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { useRoute } from '../../../app/route';
import { Countdown } from '../../../components/Countdown';
import { StatusChip } from '../../../components/StatusChip';
import { ItemLink, productLabel } from './ItemLink';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';
import { formatDate } from '../../../components/dates';

const HEAD = { fontWeight: 600, color: 'text.secondary', bgcolor: 'background.paper' };
// On narrow windows the product name matters more than the project code; the detail page has both.
const WIDE_ONLY = { display: { xs: 'none', lg: 'table-cell' } };

/** The soonest expiries with live countdowns; a row click opens the item, as does its ID link. */
/** Keyboard focus on the row's item link shows its cut texts whole, as hovering their titles does. */
export const ROW_SX = { cursor: 'pointer', '&:last-child td': { borderBottom: 0 }, '&:focus-within td, &:focus-within .MuiTypography-noWrap': { whiteSpace: 'normal', overflowWrap: 'anywhere' } } as const;

export function NextToExpireTable({ items, now }: { items: LicenseItem[]; now: Date }) {
  const go = useRoute((s) => s.go);
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" sx={{ px: 2, pb: 2 }}>
        No activated license is waiting to expire.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Next to expire" sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ ...HEAD, width: 104 }}>Item ID</TableCell>
          <TableCell sx={HEAD}>Product / edition</TableCell>
          <TableCell sx={{ ...HEAD, ...WIDE_ONLY, width: 200 }}>Project</TableCell>
          <TableCell sx={{ ...HEAD, width: 100 }}>Expires</TableCell>
          <TableCell sx={{ ...HEAD, width: 110 }} align="right">
            Time left
          </TableCell>
          <TableCell sx={{ ...HEAD, width: 176 }}>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id} hover onClick={() => go({ page: 'license', id: item.id })} sx={ROW_SX}>
            <TableCell>
              <ItemLink item={item} />
            </TableCell>
            <TableCell sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={productLabel(item)}>
              {productLabel(item)}
            </TableCell>
            <TableCell sx={{ ...WIDE_ONLY, overflow: 'hidden', textOverflow: 'ellipsis', color: item.projectCode ? 'text.primary' : 'text.disabled' }} title={item.projectCode ?? undefined}>
              {item.projectCode ?? EMPTY_VALUE}
            </TableCell>
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{item.expiresOn ? formatDate(item.expiresOn) : ''}</TableCell>
            <TableCell align="right">
              <Countdown item={item} now={now} />
            </TableCell>
            <TableCell>
              <StatusChip item={item} now={now} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
