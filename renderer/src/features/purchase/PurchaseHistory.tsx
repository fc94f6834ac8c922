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
import { Fragment, useState } from 'react';
import { formatMinor } from '../../../../shared/domain/money';
import type { PurchaseKind, PurchaseRecord } from '../../../../shared/domain/purchase-history';
import { productLabel } from '../../../../shared/domain/license';
import { PO_STATUS_LABELS, quoteValidOn } from '../../../../shared/domain/purchase-order';
import { poRoute, useRoute } from '../../app/route';
import { localIsoDate } from '../../components/useNow';
import { HistoryImportDialog } from './HistoryImportDialog';
import { PO_STATUS_COLOR } from './PoList';
import { purchaseQueries } from './queries';

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
          {l.expiresOn ? `, expires ${l.expiresOn}` : ''}
        </li>
      ))}
    </Stack>
  );
}

function stateChip(r: PurchaseRecord, today: string) {
  if (r.kind === 'quote') {
    const valid = quoteValidOn(r, today);
    return <Chip size="small" variant="outlined" color={valid ? 'success' : 'warning'} label={valid ? `Valid ${r.validFrom ?? '…'} – ${r.validTo ?? '…'}` : `Expired ${r.validTo ?? ''}`} />;
  }
  return <Chip size="small" variant="outlined" color={r.paid ? 'success' : 'default'} label={r.paid === null ? 'Order' : r.paid ? 'Paid' : 'Unpaid'} />;
}

/**
 * Orders and quotes from the customer portal, and the POs written here, newest first. An order opens
 * its licenses (by order id); a quote still valid can start a PO that refers to it.
 */
export function PurchaseHistory() {
  const go = useRoute((s) => s.go);
  const history = useQuery(purchaseQueries.history());
  const pos = useQuery(purchaseQueries.poList());
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [importing, setImporting] = useState<PurchaseKind | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const today = localIsoDate(new Date());
  const toggle = (id: number) => setOpen((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const error = history.error ?? pos.error;
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography color="textSecondary" sx={{ flexGrow: 1 }}>
          Import the portal's lists to keep your orders and quotes with your licenses.
        </Typography>
        <Button variant="outlined" onClick={() => setImporting('order')}>
          Import My Orders list
        </Button>
        <Button variant="outlined" onClick={() => setImporting('quote')}>
          Import Quote list
        </Button>
      </Stack>
      {done && <Alert severity="success" onClose={() => setDone(null)}>Imported: {done}</Alert>}
      {error && <Alert severity="error">{error.message}</Alert>}
      <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Purchase history">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 40 }} aria-label="Expand" />
            <TableCell>Kind</TableCell>
            <TableCell>Id</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Company / user</TableCell>
            <TableCell>Created</TableCell>
            <TableCell align="right">Amount</TableCell>
            <TableCell align="right">Licenses</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(pos.data ?? []).filter((p) => p.status !== 'draft').map((p) => (
            <TableRow key={`po-${p.id}`}>
              <TableCell />
              <TableCell>PO (this app)</TableCell>
              <TableCell>
                <Link component="button" onClick={() => go(poRoute({ id: p.id }))}>
                  {p.number}
                </Link>
              </TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" color={PO_STATUS_COLOR[p.status]} label={PO_STATUS_LABELS[p.status]} />
              </TableCell>
              <TableCell>{p.firstLine}</TableCell>
              <TableCell>{p.orderDate}</TableCell>
              <TableCell align="right">{formatMinor(p.totalMinor, p.currency)}</TableCell>
              <TableCell />
            </TableRow>
          ))}
          {(history.data ?? []).map((r) => {
            const expanded = open.has(r.id);
            const label = `${r.kind === 'order' ? 'order' : 'quote'} ${r.refId}`;
            return (
              <Fragment key={r.id}>
                <TableRow hover>
                  <TableCell>
                    <IconButton size="small" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`} onClick={() => toggle(r.id)}>
                      {expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                    </IconButton>
                  </TableCell>
                  <TableCell>{r.kind === 'order' ? 'Portal order' : 'Portal quote'}</TableCell>
                  <TableCell>{r.refId}</TableCell>
                  <TableCell>{stateChip(r, today)}</TableCell>
                  <TableCell>{[r.company, r.userEmail].filter(Boolean).join(' · ')}</TableCell>
                  <TableCell>{r.createdOn ?? ''}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {r.amountMinor === null ? '' : formatMinor(r.amountMinor, r.currency)}
                  </TableCell>
                  <TableCell align="right">{r.kind === 'order' ? r.licenseCount : ''}</TableCell>
                </TableRow>
                {expanded && (
                  <TableRow>
                    <TableCell />
                    <TableCell colSpan={7}>
                      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2, py: 1 }}>
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
                                <TableCell>{l.productName}</TableCell>
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
                            <Alert severity="warning">This quote expired on {r.validTo}; ask sales for a new one before ordering.</Alert>
                          )}
                        </Box>
                      </Box>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
          {!history.isPending && (history.data ?? []).length === 0 && (
            <TableRow>
              <TableCell colSpan={8}>
                <Typography color="textSecondary" variant="body2">
                  Nothing imported yet.
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      </Box>
      {importing && (
        <HistoryImportDialog
          kind={importing}
          onClose={(msg) => {
            setImporting(null);
            if (msg) setDone(msg);
          }}
        />
      )}
    </Stack>
  );
}
