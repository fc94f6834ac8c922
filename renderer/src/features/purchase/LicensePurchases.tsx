import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { formatMinor } from '../../../../shared/domain/money';
import { PO_STATUS_LABELS } from '../../../../shared/domain/purchase-order';
import { poRoute, useRoute } from '../../app/route';
import { purchaseQueries } from './queries';
import { formatDate } from '../../components/dates';

/** On a license's page: the portal order it came from and the POs that name it. */
export function LicensePurchases({ licenseId, orderId }: { licenseId: number; orderId: string | null }) {
  const go = useRoute((s) => s.go);
  const q = useQuery(purchaseQueries.forLicense(licenseId));
  const order = q.data?.order ?? null;
  const pos = q.data?.purchaseOrders ?? [];
  return (
    <Stack sx={{ gap: 0.5, alignItems: 'flex-start' }}>
      {order ? (
        <Typography variant="body2">
          Came with portal order{' '}
          <Link component="button" onClick={() => go({ page: 'purchase', tab: 'history' })}>
            {order.refId}
          </Link>
          {order.paid ? ' (paid)' : ''}
          {order.createdOn ? ` of ${formatDate(order.createdOn)}` : ''}
          {order.amountMinor !== null ? `, ${formatMinor(order.amountMinor, order.currency)}` : ''}.
        </Typography>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {orderId ? `Order ${orderId} is not in the purchase history; import the portal's My Orders list to see it.` : 'No order id recorded for this license.'}
        </Typography>
      )}
      {pos.map((p) => (
        <Typography key={p.id} variant="body2">
          Named on{' '}
          <Link component="button" onClick={() => go(poRoute({ id: p.id }))}>
            {p.number}
          </Link>{' '}
          ({PO_STATUS_LABELS[p.status].toLowerCase()}, {formatMinor(p.totalMinor, p.currency)}).
        </Typography>
      ))}
      <Button size="small" variant="outlined" sx={{ mt: 1 }} onClick={() => go(poRoute({ licenseIds: [licenseId] }))}>
        Write a renewal PO
      </Button>
    </Stack>
  );
}
