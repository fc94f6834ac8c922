import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { LicenseItem } from '../../../../shared/domain/license';
import { planRenewal, suggestedCoTermEnd } from '../../../../shared/domain/term';
import { localIsoDate, useNow } from '../../components/useNow';
import { ChannelStep, DEFAULT_CHANNEL, type ChannelChoice } from './components/ChannelStep';
import { HostingStep, useHostingAnswered } from './components/HostingStep';
import { PlanStep, type PlanChoice, type PlannedLine } from './components/PlanStep';
import { WizardFrame, channelPhrase, useWizardSteps } from './components/WizardFrame';
import { formatDate } from '../../components/dates';

const STEPS = ['Plan', 'Hosting', 'Channel', 'Review'] as const;

function planLines(items: LicenseItem[], today: string, choice: PlanChoice): PlannedLine[] {
  return items.map((item) => {
    try {
      const plan = planRenewal(item, {
        renewalDate: today,
        startOverride: items.length === 1 && choice.overriding && choice.startOverride ? choice.startOverride : null,
        coTermEnd: items.length > 1 && choice.coTerm && choice.coTermOn ? choice.coTermOn : null,
      });
      return { item, plan, error: null };
    } catch (err) {
      return { item, plan: null, error: err instanceof Error ? err.message : String(err) };
    }
  });
}

/**
 * Renew one license or several (co-termed if the user wants): plan → hosting → channel → review, and
 * the result is a recorded order. All of the wizard's state lives here and goes when it closes.
 */
export function RenewWizard({ items, open, onClose }: { items: LicenseItem[]; open: boolean; onClose(): void }) {
  const today = localIsoDate(useNow());
  const [choice, setChoice] = useState<PlanChoice>(() => {
    const defaults = items.map((item) => planRenewal(item, { renewalDate: today }));
    return { overriding: false, startOverride: defaults[0]?.newStart ?? today, coTerm: false, coTermOn: suggestedCoTermEnd(defaults) ?? today };
  });
  const [channel, setChannel] = useState<ChannelChoice>(DEFAULT_CHANNEL);
  const { active, frame } = useWizardSteps(STEPS);
  const lines = useMemo(() => planLines(items, today, choice), [items, today, choice]);
  const codes = [...new Set(items.map((i) => i.projectCode).filter((c): c is string => c !== null))];
  const unassigned = items.filter((i) => i.projectCode === null).map((i) => i.itemId);
  const hostingAnswered = useHostingAnswered(codes);
  const blocked = items.filter((i) => i.renewedById !== null);

  const canNext = [
    lines.every((l) => l.plan !== null) && blocked.length === 0,
    hostingAnswered,
    channel.channel !== 'reseller' || channel.reseller.trim() !== '',
    true,
  ][active] ?? false;

  const order = () => ({
    kind: 'renewal' as const,
    requestedOn: today,
    coTermOn: items.length > 1 && choice.coTerm ? choice.coTermOn : null,
    lines: lines.map((l) => ({ sourceId: l.item.id, startOverride: items.length === 1 && choice.overriding && l.plan?.basis === 'override' ? l.plan.newStart : null })),
  });

  const title = items.length === 1 ? `Renew item ${items[0]!.itemId}` : `Renew ${items.length} licenses`;
  return (
    <WizardFrame {...frame(order, channel)} open={open} title={title} canNext={canNext} what="renewal" codes={codes} onClose={onClose}>
      {active === 0 && (
        <>
          {blocked.length > 0 && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {blocked.map((b) => `Item ${b.itemId} has already been renewed; renew its renewal instead.`).join(' ')}
            </Alert>
          )}
          <PlanStep lines={lines} choice={choice} onChange={setChoice} today={today} />
        </>
      )}
      {active === 1 && <HostingStep codes={codes} unassigned={unassigned} what="renewal" />}
      {active === 2 && <ChannelStep value={channel} onChange={setChannel} productCode={items[0]?.productCode ?? ''} />}
      {active === 3 && (
        <Stack sx={{ gap: 1 }} aria-label="Review">
          <Typography variant="body2">
            Renewal of {items.length === 1 ? `item ${items[0]!.itemId}` : `${items.length} licenses`} {channelPhrase(channel)}.
          </Typography>
          {lines.map((l) => (
            <Typography key={l.item.id} variant="body2" color="textSecondary">
              Item {l.item.itemId}: {l.plan?.oldEnd ? formatDate(l.plan.oldEnd) : '—'} → new term {l.plan ? `${formatDate(l.plan.newStart)} to ${formatDate(l.plan.newEnd)}` : ''}
            </Typography>
          ))}
        </Stack>
      )}
    </WizardFrame>
  );
}
