import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { useRoute } from '../../../app/route';
import { QuotaBar } from '../../../components/QuotaBar';
import { StatusChip } from '../../../components/StatusChip';
import { ItemLink, productLabel } from './ItemLink';
import { ROW_SX } from './NextToExpireTable';

const HEAD = { fontWeight: 600, color: 'text.secondary', bgcolor: 'background.paper' };

/** Items at 80 % of quota or more, worst first, as the summary sends them. */
export function QuotaAtRiskTable({ items, now }: { items: LicenseItem[]; now: Date }) {
  const go = useRoute((s) => s.go);
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" sx={{ px: 2, pb: 2 }}>
        No license has used 80 % of its quota.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Quota at risk" sx={{ tableLayout: 'fixed', '& td, & th': { px: 1.5 }, '& td:first-of-type, & th:first-of-type': { pl: 2 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={HEAD}>Item</TableCell>
          <TableCell sx={{ ...HEAD, width: 190 }}>Usage</TableCell>
          <TableCell sx={{ ...HEAD, width: 164 }}>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id} hover onClick={() => go({ page: 'license', id: item.id })} sx={ROW_SX}>
            <TableCell sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
              <ItemLink item={item} />
              <Typography variant="caption" color="textSecondary" component="div" noWrap title={productLabel(item)}>
                {productLabel(item)}
              </Typography>
            </TableCell>
            <TableCell>
              <QuotaBar item={item} />
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
