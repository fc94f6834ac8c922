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

/**
 * The step both wizards walk: Back and Next move it, Next on the last step submits, and a recorded
 * order moves it past the last step (the frame then shows Close only).
 */
export function useWizardSteps(count: number) {
  const [active, setActive] = useState(0);
  return {
    active,
    back: () => setActive((a) => Math.max(0, a - 1)),
    next: (submit: () => Promise<boolean>) => {
      if (active < count - 1) setActive((a) => a + 1);
      else void submit().then((recorded) => recorded && setActive(count));
    },
  };
}

interface Props {
  open: boolean;
  title: string;
  steps: readonly string[];
  /** The step shown; `steps.length` once the order is recorded. */
  active: number;
  children: ReactNode;
  canNext: boolean;
  busy: boolean;
  error: string;
  finishLabel: string;
  onBack(): void;
  onNext(): void;
  onClose(): void;
}

/** The dialog, stepper and buttons both wizards share; each wizard keeps its own state. */
export function WizardFrame({ open, title, steps, active, children, canNext, busy, error, finishLabel, onBack, onNext, onClose }: Props) {
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
        {children}
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
              {last ? finishLabel : 'Next'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
