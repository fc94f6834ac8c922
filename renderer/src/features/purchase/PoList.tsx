import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { formatMinor } from '../../../../shared/domain/money';
import { PO_STATUS_LABELS, type PoStatus } from '../../../../shared/domain/purchase-order';
import { poRoute, useRoute } from '../../app/route';
import { purchaseQueries } from './queries';
import { formatDate } from '../../components/dates';

export const PO_STATUS_COLOR: Record<PoStatus, 'primary' | 'success' | 'default'> = { draft: 'primary', sent: 'success', cancelled: 'default' };

export function PoList() {
  const go = useRoute((s) => s.go);
  const list = useQuery(purchaseQueries.poList());
  if (list.error) return <Alert severity="error">{list.error.message}</Alert>;
  const rows = list.data ?? [];
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography color="textSecondary">Every PO keeps its number for good, even when deleted or cancelled.</Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => go(poRoute())}>
          New purchase order
        </Button>
      </Stack>
      <Table size="small" aria-label="Purchase orders">
        <TableHead>
          <TableRow>
            <TableCell>PO number</TableCell>
            <TableCell>Date</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>First line</TableCell>
            <TableCell align="right">Lines</TableCell>
            <TableCell align="right">Total</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((po) => (
            <TableRow key={po.id} hover>
              <TableCell>
                <Link component="button" onClick={() => go(poRoute({ id: po.id }))}>
                  {po.number}
                </Link>
              </TableCell>
              <TableCell>{formatDate(po.orderDate)}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" color={PO_STATUS_COLOR[po.status]} label={po.sentAt ? `${PO_STATUS_LABELS[po.status]} ${formatDate(po.sentAt)}` : PO_STATUS_LABELS[po.status]} />
              </TableCell>
              <TableCell sx={{ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{po.firstLine}</TableCell>
              <TableCell align="right">{po.lineCount}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMinor(po.totalMinor, po.currency)}
              </TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && !list.isPending && (
            <TableRow>
              <TableCell colSpan={6}>
                <Typography color="textSecondary" variant="body2">
                  No purchase orders yet.
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Stack>
  );
}
