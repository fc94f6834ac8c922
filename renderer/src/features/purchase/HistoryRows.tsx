import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { productLabel } from '../../../../shared/domain/license';
import { formatMinor } from '../../../../shared/domain/money';
import { ORDER_CHANNEL_LABELS, ORDER_KIND_LABELS, ORDER_STATE_LABELS, type Order, type OrderState } from '../../../../shared/domain/order';
import type { PurchaseRecord } from '../../../../shared/domain/purchase-history';
import { PO_STATUS_LABELS, quoteValidOn, type PoSummary } from '../../../../shared/domain/purchase-order';
import { poRoute, useRoute } from '../../app/route';
import { PO_STATUS_COLOR } from './PoList';
import { purchaseQueries } from './queries';
import { formatDate } from '../../components/dates';

const ORDER_STATE_COLOR: Record<OrderState, 'primary' | 'info' | 'success' | 'default'> = { draft: 'primary', sent: 'info', fulfilled: 'success', cancelled: 'default' };
const NUM_SX = { fontVariantNumeric: 'tabular-nums' } as const;
/**
 * The company / channel column shows from 1200 px on; below that the row's details say the same, so
 * the table fits at 1024 px without scrolling.
 */
export const WIDE_ONLY = { display: { xs: 'none', lg: 'table-cell' } } as const;
const CELL_SX: Record<number, object> = { 0: { whiteSpace: 'normal', minWidth: 80 }, 3: WIDE_ONLY, 5: NUM_SX };
/** Product names are long (the portal's Product Sale Name): they wrap rather than push the amounts out of view. */
const WRAP_SX = { whiteSpace: 'normal', overflowWrap: 'break-word' } as const;
const dateOr = (iso: string | null | undefined, none = '') => (iso ? formatDate(iso) : none);

interface RowProps {
  expanded: boolean;
  onToggle(): void;
}

/** The eight cells every history row has, and the expanded part under it. */
function Row({ label, expanded, onToggle, cells, details }: RowProps & { label: string; cells: ReactNode[]; details: ReactNode }) {
  return (
    <>
      <TableRow hover>
        <TableCell>
          <IconButton size="small" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`} onClick={onToggle}>
            {expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        {cells.map((c, i) => (
          <TableCell key={i} align={i >= 5 ? 'right' : 'left'} sx={CELL_SX[i]}>
            {c}
          </TableCell>
        ))}
      </TableRow>
      {expanded && (
        <TableRow>
          <TableCell />
          <TableCell colSpan={7}>
            {/* Inline-size containment: the details never widen the table; wide ones scroll. */}
            <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 1.5, py: 1, contain: 'inline-size', overflowX: 'auto' }}>
              {details}
            </Box>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function OrderLicenses({ orderId }: { orderId: string }) {
  const go = useRoute((s) => s.go);
  const list = useQuery(purchaseQueries.orderLicenses(orderId));
  if (!list.data) return null;
  if (list.data.length === 0) return <Typography variant="body2" color="textSecondary">No license in the inventory carries order id {orderId}.</Typography>;
  return (
    <Stack component="ul" aria-label={`Licenses of order ${orderId}`} sx={{ m: 0, pl: 2.5 }}>
      {list.data.map((l) => (
        <li key={l.id}>
          <Link component="button" onClick={() => go({ page: 'license', id: l.id })}>
            Item {l.itemId}
          </Link>{' '}
          {productLabel(l)}
          {l.expiresOn ? `, expires ${formatDate(l.expiresOn)}` : ''}
        </li>
      ))}
    </Stack>
  );
}

function portalChip(r: PurchaseRecord, today: string) {
  if (r.kind === 'quote') {
    const valid = quoteValidOn(r, today);
    return <Chip size="small" variant="outlined" color={valid ? 'success' : 'warning'} label={valid ? `Valid to ${dateOr(r.validTo, '…')}` : `Expired ${dateOr(r.validTo)}`} title={`Valid ${dateOr(r.validFrom, '…')} to ${dateOr(r.validTo, '…')}`} />;
  }
  return <Chip size="small" variant="outlined" color={r.paid ? 'success' : 'default'} label={r.paid === null ? 'Order' : r.paid ? 'Paid' : 'Unpaid'} />;
}

/** A portal order (opens its licenses by order id) or quote (a valid one starts a PO that refers to it). */
export function PortalRow({ record: r, today, ...row }: RowProps & { record: PurchaseRecord; today: string }) {
  const go = useRoute((s) => s.go);
  const label = `${r.kind === 'order' ? 'order' : 'quote'} ${r.refId}`;
  const cells = [
    r.kind === 'order' ? 'Portal order' : 'Portal quote',
    r.refId,
    portalChip(r, today),
    [r.company, r.userEmail].filter(Boolean).join(' · '),
    dateOr(r.createdOn),
    r.amountMinor === null ? '' : formatMinor(r.amountMinor, r.currency),
    r.kind === 'order' ? r.licenseCount : '',
  ];
  const details = (
    <>
      <Typography variant="body2">{[r.company, r.userEmail].filter(Boolean).join(' · ')}</Typography>
      <Table size="small" aria-label={`Lines of ${label}`}>
        <TableHead>
          <TableRow>
            <TableCell>{r.kind === 'order' ? 'Product Sale Id' : 'Item Id'}</TableCell>
            {r.kind === 'quote' && <TableCell>Referrer item Id</TableCell>}
            <TableCell>Product name</TableCell>
            {r.kind === 'quote' && <TableCell align="right">Qty</TableCell>}
            <TableCell align="right">Amount</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {r.lines.map((l, i) => (
            <TableRow key={i}>
              <TableCell>{l.itemId}</TableCell>
              {r.kind === 'quote' && <TableCell>{l.referrerItemId}</TableCell>}
              <TableCell sx={WRAP_SX}>{l.productName}</TableCell>
              {r.kind === 'quote' && <TableCell align="right">{l.quantity}</TableCell>}
              <TableCell align="right">{l.amountMinor === null ? '' : formatMinor(l.amountMinor)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box>
        {r.kind === 'order' ? (
          <>
            <Typography variant="subtitle2" component="h3">
              Licenses from this order
            </Typography>
            <OrderLicenses orderId={r.refId} />
          </>
        ) : quoteValidOn(r, today) ? (
          <Button variant="outlined" onClick={() => go(poRoute({ quoteId: r.id }))}>
            Write a PO for this quote
          </Button>
        ) : (
          <Alert severity="warning">This quote expired on {dateOr(r.validTo)}; ask sales for a new one before ordering.</Alert>
        )}
      </Box>
    </>
  );
  return <Row label={label} cells={cells} details={details} {...row} />;
}

function PoLink({ po }: { po: PoSummary }) {
  const go = useRoute((s) => s.go);
  return (
    <Link component="button" onClick={() => go(poRoute({ id: po.id }))}>
      {po.number}
    </Link>
  );
}

/** A renewal or add-quota order made with the wizards: its licenses, and the POs written for it. */
export function AppOrderRow({ order: o, pos, ...row }: RowProps & { order: Order; pos: PoSummary[] }) {
  const go = useRoute((s) => s.go);
  const sent = pos.find((p) => p.status !== 'cancelled');
  const cells = [
    `${ORDER_KIND_LABELS[o.kind]} (this app)`,
    `#${o.id}`,
    <Chip key="state" size="small" variant="outlined" color={ORDER_STATE_COLOR[o.state]} label={ORDER_STATE_LABELS[o.state]} />,
    [ORDER_CHANNEL_LABELS[o.channel], o.reseller, ...pos.map((p) => p.number)].filter(Boolean).join(' · '),
    formatDate(o.requestedOn),
    sent ? formatMinor(sent.totalMinor, sent.currency) : '',
    o.lines.length,
  ];
  const details = (
    <>
      <Typography variant="body2">{cells[3]}</Typography>
      <Table size="small" aria-label={`Lines of app order ${o.id}`}>
        <TableHead>
          <TableRow>
            <TableCell>License</TableCell>
            <TableCell>Product</TableCell>
            <TableCell>Current expiry</TableCell>
            <TableCell>Requested term</TableCell>
            <TableCell>New license</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {o.lines.map((l) => (
            <TableRow key={l.id}>
              <TableCell>
                {l.sourceId ? (
                  <Link component="button" onClick={() => go({ page: 'license', id: l.sourceId! })}>
                    Item {l.itemId ?? l.sourceId}
                  </Link>
                ) : (
                  (l.itemId ?? '')
                )}
              </TableCell>
              <TableCell sx={WRAP_SX}>{[l.productName, l.edition].filter(Boolean).join(' ')}</TableCell>
              <TableCell>{dateOr(l.currentExpiry)}</TableCell>
              <TableCell>{l.requestedStart && l.requestedEnd ? `${formatDate(l.requestedStart)} to ${formatDate(l.requestedEnd)}` : ''}</TableCell>
              <TableCell>
                {l.fulfilledById ? (
                  <Link component="button" onClick={() => go({ page: 'license', id: l.fulfilledById! })}>
                    Arrived
                  </Link>
                ) : (
                  'Not yet'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Link component="button" onClick={() => go({ page: 'orders', query: { states: [], kinds: [], selected: o.id } })}>
          Open order #{o.id}
        </Link>
        {pos.map((p) => (
          <Typography key={p.id} variant="body2">
            <PoLink po={p} /> ({PO_STATUS_LABELS[p.status]})
          </Typography>
        ))}
        {pos.length === 0 && o.channel === 'purchase-order' && o.state === 'draft' && (
          <Button size="small" variant="outlined" onClick={() => go(poRoute({ orderId: o.id }))}>
            Write the PO for this order
          </Button>
        )}
      </Stack>
    </>
  );
  return <Row label={`app order ${o.id}`} cells={cells} details={details} {...row} />;
}

/** A PO written here without an order of the app behind it. */
export function PoRow({ po: p }: { po: PoSummary }) {
  return (
    <TableRow hover>
      <TableCell />
      <TableCell sx={CELL_SX[0]}>PO (this app)</TableCell>
      <TableCell>
        <PoLink po={p} />
      </TableCell>
      <TableCell>
        <Chip size="small" variant="outlined" color={PO_STATUS_COLOR[p.status]} label={PO_STATUS_LABELS[p.status]} />
      </TableCell>
      <TableCell sx={WIDE_ONLY}>{p.firstLine}</TableCell>
      <TableCell>{formatDate(p.orderDate)}</TableCell>
      <TableCell align="right" sx={NUM_SX}>
        {formatMinor(p.totalMinor, p.currency)}
      </TableCell>
      <TableCell align="right">{p.lineCount}</TableCell>
    </TableRow>
  );
}
