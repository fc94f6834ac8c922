import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { ORDER_STATE_LABELS } from '../../../../../shared/domain/order';
import { queries } from '../../../api/queries';
import { Checklist } from '../../orders';
import { useSelfHosted } from './HostingStep';

/** The recorded order: what it is now, where to find it, and the self-hosted checklist to tick. */
export function DoneStep({ orderId, codes, what }: { orderId: number; codes: string[]; what: string }) {
  const order = useQuery(queries.order(orderId));
  const selfHosted = useSelfHosted(codes);
  if (!order.data) return <Skeleton variant="rounded" height={120} />;
  const o = order.data;
  return (
    <Stack sx={{ gap: 2 }}>
      <Alert severity="success">
        Order #{o.id} recorded as <strong>{ORDER_STATE_LABELS[o.state].toLowerCase()}</strong>.{' '}
        {o.state === 'draft' ? 'Mark it as sent on the Orders page once you have placed it.' : `When the ${what} arrives, add or import it: its detail page offers to link it to this order.`}
      </Alert>
      {o.channel === 'purchase-order' && (
        <Typography variant="body2" color="textSecondary">
          The order keeps every line a purchase order needs: product and edition, quantity, item and license ids, project and the requested term.
        </Typography>
      )}
      {selfHosted.length > 0 && <Checklist order={o} projectCode={selfHosted.join(', ')} />}
      <Link href={`#/orders?order=${o.id}`}>Open order #{o.id} on the Orders page</Link>
    </Stack>
  );
}
