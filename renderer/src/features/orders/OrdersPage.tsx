import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { HeadCells } from '../../components/HeadCells';
import { ORDER_CHANNEL_LABELS, ORDER_KIND_LABELS, ORDER_KINDS, ORDER_STATE_LABELS, ORDER_STATES, type OrderKind, type OrderState } from '../../../../shared/domain/order';
import { queries } from '../../api/queries';
import { useRoute, type OrdersQuery } from '../../app/route';
import { OrderDetail, OrderStateChip } from './components/OrderDetail';
import { formatInstant } from './labels';
import { formatDate } from '../../components/dates';

/** Every order, filtered by state and kind (both in the route), with the chosen one's lines, changes and actions. */
export function OrdersPage({ query }: { query: OrdersQuery }) {
  const replace = useRoute((s) => s.replace);
  const orders = useQuery(queries.orders({ states: query.states, kinds: query.kinds }));
  const set = (patch: Partial<OrdersQuery>) => replace({ page: 'orders', query: { ...query, ...patch } });
  const selected = orders.data?.find((o) => o.id === query.selected) ?? null;

  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1400 }}>
      <Typography variant="h5" component="h1">
        Orders
      </Typography>
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap', alignItems: 'center' }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          <Typography variant="body2" id="state-filter" color="textSecondary">
            State
          </Typography>
          <ToggleButtonGroup size="small" aria-labelledby="state-filter" value={query.states} onChange={(_, v: OrderState[]) => set({ states: v })}>
            {ORDER_STATES.map((s) => (
              <ToggleButton key={s} value={s}>
                {ORDER_STATE_LABELS[s]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          <Typography variant="body2" id="kind-filter" color="textSecondary">
            Kind
          </Typography>
          <ToggleButtonGroup size="small" aria-labelledby="kind-filter" value={query.kinds} onChange={(_, v: OrderKind[]) => set({ kinds: v })}>
            {ORDER_KINDS.map((k) => (
              <ToggleButton key={k} value={k}>
                {ORDER_KIND_LABELS[k]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
      </Stack>
      {orders.isPending && <Skeleton variant="rounded" height={160} />}
      {orders.isError && <Alert severity="error">Could not load the orders: {orders.error.message}</Alert>}
      {orders.data && orders.data.length === 0 && (
        <Alert severity="info">
          {query.states.length || query.kinds.length ? 'No order matches these filters.' : 'No orders yet. Start one with Renew or Add quota on a license, or from Upcoming renewals.'}
        </Alert>
      )}
      {orders.data && orders.data.length > 0 && (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" aria-label="Orders">
            <TableHead>
              <TableRow>
                <HeadCells labels={['Order', 'Kind', 'Channel', 'State', 'Licenses', 'Requested', 'Last change']} />
              </TableRow>
            </TableHead>
            <TableBody>
              {orders.data.map((o) => (
                <TableRow
                  key={o.id}
                  hover
                  selected={o.id === query.selected}
                  onClick={() => set({ selected: o.id === query.selected ? null : o.id })}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell>
                    <Box
                      component="button"
                      type="button"
                      aria-expanded={o.id === query.selected}
                      aria-label={`Order #${o.id}`}
                      sx={{ all: 'unset', color: 'primary.main', fontWeight: 600, cursor: 'pointer', '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}
                    >
                      #{o.id}
                    </Box>
                  </TableCell>
                  <TableCell>{ORDER_KIND_LABELS[o.kind]}</TableCell>
                  <TableCell>{ORDER_CHANNEL_LABELS[o.channel]}</TableCell>
                  <TableCell>
                    <OrderStateChip state={o.state} />
                  </TableCell>
                  <TableCell>{o.lines.map((l) => l.itemId).join(', ')}</TableCell>
                  <TableCell>{formatDate(o.requestedOn)}</TableCell>
                  <TableCell>{formatInstant(o.updatedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {selected && <OrderDetail order={selected} />}
    </Stack>
  );
}
