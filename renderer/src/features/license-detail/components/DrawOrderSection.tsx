import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { productLabel, type LicenseItem } from '../../../../../shared/domain/license';
import { licenseStatus, type StatusSettings } from '../../../../../shared/status/index';
import { Countdown } from '../../../components/Countdown';
import { QuotaBar } from '../../../components/QuotaBar';
import { StatusChip } from '../../../components/StatusChip';
import { useStatusSettings } from '../../../components/status-settings';
import type { Loadable } from '../loadable';
import { VISUALLY_HIDDEN } from '../styles';
import { Section } from './Section';
import { formatDate } from '../../../components/dates';

interface Props {
  item: LicenseItem;
  drawOrder: Loadable<LicenseItem[]>;
  now: Date;
}

/**
 * The first item in draw order that can still serve requests: the License Server consumes that one
 * before moving on, so this is where today's usage lands.
 */
function drawnNow(rows: LicenseItem[], now: Date, settings: StatusSettings): number | null {
  const usable = rows.find((r) => {
    // A renewed item is still drawn on until its own expiry, so judge it by its dates.
    const s = licenseStatus({ ...r, renewedById: null }, now, settings);
    return !['expired', 'not-activated'].includes(s.time) && s.quota !== 'blocked';
  });
  return usable?.id ?? null;
}

/** Fixed widths (the product column takes the rest) so a long product name never pushes Status off screen. */
const HEAD: { label: string; width?: number; align?: 'right' }[] = [
  { label: '#', width: 44, align: 'right' },
  { label: 'Item ID', width: 180 },
  { label: 'Product / edition' },
  { label: 'Quota', width: 170 },
  { label: 'Expires', width: 136 },
  // As wide as the longest chip ("Quota nearly used") with the cell's padding: no chip is cut.
  { label: 'Status', width: 176 },
];


export function DrawOrderSection({ item, drawOrder, now }: Props) {
  const settings = useStatusSettings();
  const rows = drawOrder.state === 'ready' ? drawOrder.value : [];
  const current = drawnNow(rows, now, settings);

  return (
    <Section
      title="Draw order on this project"
      aside={
        item.projectCode && (
          <Typography variant="body2" color="textSecondary">
            Soonest expiry is used first
          </Typography>
        )
      }
    >
      {drawOrder.state === 'loading' && <Skeleton variant="rounded" height={96} />}
      {drawOrder.state === 'error' && <Alert severity="error">Could not load the draw order: {drawOrder.message}</Alert>}
      {drawOrder.state === 'ready' && !item.projectCode && (
        <Typography variant="body2" color="textSecondary">
          This item is on no project, so no other item shares its usage.
        </Typography>
      )}
      {drawOrder.state === 'ready' && item.projectCode && (
        <TableContainer>
          <Table size="small" aria-label="Draw order" sx={{ tableLayout: 'fixed', minWidth: 860 }}>
            <TableHead>
              <TableRow>
                {HEAD.map((h) => (
                  <TableCell key={h.label} sx={{ fontWeight: 600, width: h.width }} align={h.align}>
                    {h.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r, i) => {
                const self = r.id === item.id;
                return (
                  <TableRow key={r.id} selected={self} aria-current={self ? 'true' : undefined} sx={{ '&:last-child td': { borderBottom: 0 }, ...(self && { '& td:first-of-type': { boxShadow: (t) => `inset 3px 0 0 ${t.palette.primary.main}` } }) }}>
                    <TableCell align="right" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                      {i + 1}
                    </TableCell>
                    <TableCell>
                      {self ? (
                        <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                          {r.itemId}
                          <Box component="span" sx={VISUALLY_HIDDEN}>
                            {' '}
                            (this item)
                          </Box>
                        </Typography>
                      ) : (
                        <Link href={`#/licenses/${r.id}`} aria-label={`Open item ${r.itemId}`}>
                          {r.itemId}
                        </Link>
                      )}
                      {r.id === current && <Chip size="small" color="primary" variant="outlined" label="In use now" sx={{ ml: 1, height: 20 }} />}
                    </TableCell>
                    {/* The name wraps rather than being cut: rows are two lines high for the expiry anyway. */}
                    <TableCell sx={{ whiteSpace: 'normal', overflowWrap: 'break-word' }}>
                      {productLabel(r)}
                    </TableCell>
                    <TableCell>
                      <QuotaBar item={r} />
                    </TableCell>
                    <TableCell>
                      <Box sx={{ typography: 'body2', lineHeight: 1.3 }}>
                        <Countdown item={r} now={now} />
                      </Box>
                      <Typography variant="caption" color="textSecondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {r.expiresOn ? formatDate(r.expiresOn) : r.term === 'lifetime' ? 'Lifetime' : 'No date yet'}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <StatusChip item={r} now={now} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
