import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ChecklistStep, Order } from '../../../../../shared/domain/order';
import { write } from '../../../api/mutations';

const STEPS: { step: ChecklistStep; label: (code: string) => string }[] = [
  { step: 'download', label: () => 'Download the new license file' },
  { step: 'import', label: () => 'Import it into the License Server' },
  { step: 'attach', label: (code) => `Attach it to project ${code}` },
];

/** The self-hosted steps, each tick stored on the order at once (so a reload or a restart keeps it). */
export function Checklist({ order, projectCode }: { order: Order; projectCode: string }) {
  const [error, setError] = useState('');
  // The tick shows at once; the stored order catches up when the write returns and the cache refetches.
  const [optimistic, setOptimistic] = useState<Partial<Record<ChecklistStep, boolean>>>({});
  return (
    <FormGroup aria-label={`Self-hosted checklist for order #${order.id}`}>
      <Typography variant="subtitle2" component="h3">
        Self-hosted License Server checklist
      </Typography>
      {STEPS.map(({ step, label }) => (
        <FormControlLabel
          key={step}
          label={label(projectCode)}
          disabled={order.state === 'cancelled'}
          control={
            <Checkbox
              checked={optimistic[step] ?? order.checklist[step]}
              onChange={(e) => {
                const done = e.target.checked;
                setOptimistic((o) => ({ ...o, [step]: done }));
                setError('');
                write('orders:checklist', { id: order.id, step, done }).catch((err: unknown) => {
                  setOptimistic(({ [step]: _, ...rest }) => rest);
                  setError(err instanceof Error ? err.message : String(err));
                });
              }}
            />
          }
        />
      ))}
      {error && (
        <Typography variant="body2" color="error" role="alert">
          {error}
        </Typography>
      )}
    </FormGroup>
  );
}
