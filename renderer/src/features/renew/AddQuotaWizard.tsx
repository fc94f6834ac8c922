import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { LicenseItem } from '../../../../shared/domain/license';
import { formatQuota } from '../../../../shared/domain/quota';
import { timeState } from '../../../../shared/status/time';
import { localIsoDate, useNow } from '../../components/useNow';
import { ChannelStep, DEFAULT_CHANNEL, type ChannelChoice } from './components/ChannelStep';
import { HostingStep, useHostingAnswered } from './components/HostingStep';
import { QuantityStep } from './components/QuantityStep';
import { WizardFrame, channelPhrase, useWizardSteps } from './components/WizardFrame';
import { formatDate } from '../../components/dates';

const STEPS = ['Quantity', 'Hosting', 'Channel', 'Review'] as const;

/** Why quota cannot be added to this license now, or null (the core refuses the same cases). */
export function addQuotaRefusal(item: LicenseItem, now: Date): string | null {
  if (item.renewedById !== null) return `Item ${item.itemId} has been renewed; add quota to its renewal instead.`;
  if (timeState(item, now) === 'expired') return `Item ${item.itemId} expired on ${formatDate(item.expiresOn!)}: quota can only be added before a license expires. Renew it instead.`;
  if (item.projectCode === null) return `Item ${item.itemId} is on no project (handshake code), and added quota attaches to one. Set its project first.`;
  return null;
}

/** Add quota to a license's project: quantity → hosting → channel → review, recorded as an order. */
export function AddQuotaWizard({ item, open, onClose }: { item: LicenseItem; open: boolean; onClose(): void }) {
  const now = useNow();
  const today = localIsoDate(now);
  const [quantity, setQuantity] = useState(String(item.quotaAmount));
  const [channel, setChannel] = useState<ChannelChoice>(DEFAULT_CHANNEL);
  const { active, orderId, frame } = useWizardSteps(STEPS);
  const codes = item.projectCode ? [item.projectCode] : [];
  const hostingAnswered = useHostingAnswered(codes);
  const refusal = orderId === null ? addQuotaRefusal(item, now) : null;
  const amount = Number(quantity);

  const canNext = refusal === null && ([Number.isInteger(amount) && amount >= 1, hostingAnswered, channel.channel !== 'reseller' || channel.reseller.trim() !== '', true][active] ?? false);

  const order = () => ({ kind: 'add-quota' as const, requestedOn: today, lines: [{ sourceId: item.id, quantity: amount }] });

  return (
    <WizardFrame {...frame(order, channel)} open={open} title={`Add quota to item ${item.itemId}`} canNext={canNext} what="added quota" codes={codes} onClose={onClose}>
      {refusal !== null ? (
        <Alert severity="error">{refusal}</Alert>
      ) : (
        <>
          {active === 0 && <QuantityStep item={item} quantity={quantity} onChange={setQuantity} />}
          {active === 1 && <HostingStep codes={codes} unassigned={[]} what="added quota" />}
          {active === 2 && <ChannelStep value={channel} onChange={setChannel} productCode={item.productCode} />}
          {active === 3 && (
            <Stack sx={{ gap: 1 }} aria-label="Review">
              <Typography variant="body2">
                Add {formatQuota(amount, item.quotaMode)} to project {item.projectCode} {channelPhrase(channel)}.
              </Typography>
            </Stack>
          )}
        </>
      )}
    </WizardFrame>
  );
}
