import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useState, type ReactNode } from 'react';
import { ORDER_CHANNEL_LABELS } from '../../../../../shared/domain/order';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import { write } from '../../../api/mutations';
import type { ChannelChoice } from './ChannelStep';
import { DoneStep } from './DoneStep';

/** The order a wizard records, without what its Channel step decides. */
export type OrderBody = Omit<ChannelInput<'orders:create'>, 'channel' | 'reseller' | 'reference' | 'markSent'>;

/**
 * The step both wizards walk and the order they record. Back and Next move the step; Next on the last
 * step records the order with the channel choice, keeping the pending state and the error, and a
 * recorded order moves the step past the last one (the frame then shows the order and Close only).
 * `frame` gives the WizardFrame props that work the same in both wizards.
 */
export function useWizardSteps(steps: readonly string[]) {
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [orderId, setOrderId] = useState<number | null>(null);
  const record = async (body: OrderBody, channel: ChannelChoice) => {
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
      setActive(steps.length);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const frame = (order: () => OrderBody, channel: ChannelChoice) => ({
    steps,
    active,
    busy,
    error,
    orderId,
    onBack: () => setActive((a) => Math.max(0, a - 1)),
    onNext: () => (active < steps.length - 1 ? setActive((a) => a + 1) : void record(order(), channel)),
  });
  return { active, orderId, frame };
}

/** "through online store, recorded as a draft": how the review step says where the order goes. */
export function channelPhrase(channel: ChannelChoice): string {
  return `through ${ORDER_CHANNEL_LABELS[channel.channel].toLowerCase()}${channel.channel === 'reseller' ? ` (${channel.reseller.trim()})` : ''}, recorded as ${channel.markSent ? 'sent' : 'a draft'}`;
}

interface Props extends ReturnType<ReturnType<typeof useWizardSteps>['frame']> {
  open: boolean;
  title: string;
  children: ReactNode;
  canNext: boolean;
  /** What the order brings, for the recorded-order step ("renewal", "added quota"). */
  what: string;
  /** The projects the order is for (the recorded-order step shows a self-hosted checklist for them). */
  codes: string[];
  onClose(): void;
}

/** The dialog, stepper, buttons and recorded-order step both wizards share; each wizard keeps its own choices. */
export function WizardFrame({ open, title, steps, active, children, canNext, busy, error, orderId, what, codes, onBack, onNext, onClose }: Props) {
  const done = active >= steps.length;
  const last = active === steps.length - 1;
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="wizard-title" scroll="paper">
      <DialogTitle id="wizard-title">{title}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 360 }}>
        <Stepper activeStep={active} sx={{ mb: 3 }} aria-label="Steps">
          {steps.map((s) => (
            <Step key={s}>
              <StepLabel>{s}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {done && orderId !== null ? <DoneStep orderId={orderId} codes={codes} what={what} /> : children}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {done ? (
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button onClick={onBack} disabled={active === 0 || busy}>
              Back
            </Button>
            <Button variant="contained" onClick={onNext} disabled={!canNext || busy}>
              {last ? 'Record order' : 'Next'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
