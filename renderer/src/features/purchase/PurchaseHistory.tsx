import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { PurchaseKind } from '../../../../shared/domain/purchase-history';
import { queries } from '../../api/queries';
import { localIsoDate } from '../../components/useNow';
import { historyEntries } from './history-entries';
import { HistoryImportDialog } from './HistoryImportDialog';
import { AppOrderRow, PoRow, PortalRow, WIDE_ONLY } from './HistoryRows';
import { purchaseQueries } from './queries';

/**
 * Orders and quotes from the customer portal merged with the renewal and add-quota orders and the POs
 * made here, newest first (history-entries.ts). Each order opens its licenses; a quote still valid
 * can start a PO that refers to it.
 */
export function PurchaseHistory() {
  const history = useQuery(purchaseQueries.history());
  const pos = useQuery(purchaseQueries.poList());
  const orders = useQuery(queries.orders({ states: [], kinds: [] }));
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState<PurchaseKind | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const today = localIsoDate(new Date());
  const toggle = (key: string) => setOpen((s) => new Set(s.has(key) ? [...s].filter((x) => x !== key) : [...s, key]));
  const error = history.error ?? pos.error ?? orders.error;
  const entries = useMemo(() => historyEntries(history.data ?? [], orders.data ?? [], pos.data ?? []), [history.data, orders.data, pos.data]);
  const loading = history.isPending || pos.isPending || orders.isPending;
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography color="textSecondary" sx={{ flexGrow: 1 }}>
          Your renewals, quota additions and POs, with the portal's lists imported to keep its orders and quotes beside them.
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
              <TableCell sx={WIDE_ONLY}>Company / channel</TableCell>
              <TableCell>Date</TableCell>
              <TableCell align="right">Amount</TableCell>
              <TableCell align="right">Licenses</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) =>
              e.source === 'portal' ? (
                <PortalRow key={e.key} record={e.record} today={today} expanded={open.has(e.key)} onToggle={() => toggle(e.key)} />
              ) : e.source === 'order' ? (
                <AppOrderRow key={e.key} order={e.order} pos={e.pos} expanded={open.has(e.key)} onToggle={() => toggle(e.key)} />
              ) : (
                <PoRow key={e.key} po={e.po} />
              ),
            )}
            {!loading && entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={8}>
                  <Typography color="textSecondary" variant="body2">
                    Nothing yet: the renewal and add-quota orders you make here, your POs once sent (drafts stay under Purchase orders), and the portal lists you import are listed here.
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
