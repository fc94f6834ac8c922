import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { ORDER_CHANNEL_LABELS, ORDER_KIND_LABELS, ORDER_STATE_LABELS, orderTransitionRefusal, type Order, type OrderState } from '../../../../../shared/domain/order';
import { formatQuota } from '../../../../../shared/domain/quota';
import { describeAdjustment } from '../../../../../shared/domain/term';
import { write } from '../../../api/mutations';
import { queries } from '../../../api/queries';
import { formatInstant, STATE_COLOURS } from '../labels';
import { Checklist } from './Checklist';
import { formatDate } from '../../../components/dates';

/** The buttons the transition table allows; "fulfilled" is reached by linking the arriving license. */
const ACTIONS: { to: OrderState; label: string; color?: 'error' }[] = [
  { to: 'sent', label: 'Mark as sent' },
  { to: 'cancelled', label: 'Cancel order', color: 'error' },
];

export function OrderStateChip({ state }: { state: OrderState }) {
  return <Chip size="small" color={STATE_COLOURS[state]} variant={state === 'cancelled' ? 'outlined' : 'filled'} label={ORDER_STATE_LABELS[state]} />;
}

export function OrderDetail({ order }: { order: Order }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const codes = [...new Set(order.lines.map((l) => l.handshakeCode).filter((c): c is string => c !== null))];
  const projects = useQueries({ queries: codes.map((c) => queries.projectByCode(c)) });
  const selfHosted = codes.filter((_, i) => {
    const d = projects[i]?.data;
    return d?.kind === 'found' && d.project.hosting === 'self';
  });
  const move = async (to: OrderState) => {
    setBusy(true);
    setError('');
    try {
      await write('orders:transition', { id: order.id, to });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const renewal = order.kind === 'renewal';
  return (
    <Paper variant="outlined" component="section" aria-label={`Order #${order.id}`} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="h6" component="h2">
          Order #{order.id}
        </Typography>
        <OrderStateChip state={order.state} />
        <Typography variant="body2" color="textSecondary" sx={{ flexGrow: 1 }}>
          {ORDER_KIND_LABELS[order.kind]} · {ORDER_CHANNEL_LABELS[order.channel]}
          {order.reseller && ` (${order.reseller})`}
          {order.reference && ` · ref. ${order.reference}`} · requested {formatDate(order.requestedOn)}
          {order.coTermOn && ` · aligned to ${formatDate(order.coTermOn)}`}
        </Typography>
        {ACTIONS.map((a) => {
          const why = orderTransitionRefusal(order, a.to);
          const button = (
            <Button key={a.to} variant={a.to === 'sent' ? 'contained' : 'text'} color={a.color} disabled={why !== null || busy} onClick={() => void move(a.to)}>
              {a.label}
            </Button>
          );
          // A disabled button gets no pointer events; the span carries the reason's tooltip.
          return why ? (
            <Tooltip key={a.to} title={why}>
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          {error}
        </Alert>
      )}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={`Lines of order #${order.id}`}>
          <TableHead>
            <TableRow>
              <TableCell>Item</TableCell>
              <TableCell>Product</TableCell>
              <TableCell align="right">Quantity</TableCell>
              <TableCell>Project</TableCell>
              <TableCell>{renewal ? 'Current end' : 'Expiry'}</TableCell>
              <TableCell>Requested term</TableCell>
              <TableCell>Arrived as</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {order.lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{l.sourceId ? <Link href={`#/licenses/${l.sourceId}`}>{l.itemId}</Link> : l.itemId}</TableCell>
                <TableCell>{l.edition ? `${l.productName} · ${l.edition}` : l.productName}</TableCell>
                <TableCell align="right">{formatQuota(l.quantity, l.quotaMode)}</TableCell>
                <TableCell>{l.handshakeCode ?? '—'}</TableCell>
                <TableCell>{l.currentExpiry ?? '—'}</TableCell>
                <TableCell>
                  {l.requestedStart} → {l.requestedEnd}
                  {order.coTermOn && (
                    <Typography variant="caption" color="textSecondary" component="div">
                      {describeAdjustment(l.daysAdjusted)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{l.fulfilledById ? <Link href={`#/licenses/${l.fulfilledById}`}>Open the new license</Link> : <Typography variant="body2" color="textSecondary">Not yet</Typography>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 3, mt: 2 }}>
        {selfHosted.length > 0 && (
          <Box sx={{ minWidth: 300 }}>
            <Checklist order={order} projectCode={selfHosted.join(', ')} />
          </Box>
        )}
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="subtitle2" component="h3">
            Changes
          </Typography>
          <Box component="ol" aria-label={`Changes of order #${order.id}`} sx={{ m: 0, pl: 2.5 }}>
            {order.events.map((e, i) => (
              <li key={i}>
                <Typography variant="body2">
                  {formatInstant(e.at)}: {e.from ? `${ORDER_STATE_LABELS[e.from]} → ` : ''}
                  {ORDER_STATE_LABELS[e.to]}
                  {e.note && <Typography component="span" variant="body2" color="textSecondary">{` — ${e.note}`}</Typography>}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      </Stack>
      {order.state === 'sent' && order.lines.some((l) => l.fulfilledById === null) && (
        <Typography variant="body2" color="textSecondary" sx={{ mt: 1.5 }}>
          When the new license arrives, add or import it; its detail page offers to link it to this order.
        </Typography>
      )}
    </Paper>
  );
}
