import { useState } from 'react';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import { write } from '../../../api/mutations';
import type { ChannelChoice } from './ChannelStep';

type OrderBody = Omit<ChannelInput<'orders:create'>, 'channel' | 'reseller' | 'reference' | 'markSent'>;

/** Records the wizard's order with its channel choice; keeps the pending state, the error and the new order's id. */
export function useRecordOrder() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [orderId, setOrderId] = useState<number | null>(null);
  const record = async (body: OrderBody, channel: ChannelChoice): Promise<boolean> => {
    setBusy(true);
    setError('');
    try {
      const order = await write('orders:create', {
        ...body,
        channel: channel.channel,
        reseller: channel.channel === 'reseller' ? channel.reseller.trim() : null,
        reference: channel.reference.trim(),
        markSent: channel.markSent,
      } as ChannelInput<'orders:create'>);
      setOrderId(order.id);
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, orderId, record };
}
