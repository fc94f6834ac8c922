import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { AddUsageInput } from '../../../../../shared/domain/usage';
import { IpcError } from '../../../api/client';
import { localIsoDate } from '../../../components/useNow';

interface Props {
  licenseId: number;
  unit: string;
  onAdd(takenOn: string, used: number): Promise<unknown>;
}

type Errors = { takenOn?: string; used?: string; form?: string };

/** Record one usage figure read off the License Server's statistics page (the app itself is offline). */
export function AddUsageForm({ licenseId, unit, onAdd }: Props) {
  const [takenOn, setTakenOn] = useState(() => localIsoDate(new Date()));
  const [used, setUsed] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = used.replace(/[,\s]/g, '');
    const parsed = AddUsageInput.safeParse({ licenseId, takenOn, used: amount === '' ? Number.NaN : Number(amount) });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'takenOn') next.takenOn ??= takenOn === '' ? 'Required' : issue.message;
        if (key === 'used') next.used ??= amount === '' ? 'Required' : Number.isNaN(Number(amount)) ? 'Enter a number' : issue.message;
      }
      setErrors(next);
      return;
    }
    setSaving(true);
    try {
      await onAdd(parsed.data.takenOn, parsed.data.used);
      setUsed('');
      setErrors({});
    } catch (err) {
      const next: Errors = { form: err instanceof Error ? err.message : String(err) };
      if (err instanceof IpcError) {
        for (const i of err.issues) if (i.path === 'takenOn' || i.path === 'used') next[i.path] = i.message;
      }
      setErrors(next);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack component="form" onSubmit={submit} noValidate aria-label="Add usage" direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        label="Date"
        type="date"
        size="small"
        value={takenOn}
        onChange={(e) => {
          setTakenOn(e.target.value);
          setErrors((x) => ({ ...x, takenOn: undefined }));
        }}
        error={Boolean(errors.takenOn)}
        helperText={errors.takenOn ?? ' '}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 160 }}
      />
      <TextField
        label={`Used (${unit})`}
        size="small"
        value={used}
        onChange={(e) => {
          setUsed(e.target.value);
          setErrors((x) => ({ ...x, used: undefined }));
        }}
        error={Boolean(errors.used || errors.form)}
        helperText={errors.used ?? errors.form ?? ' '}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ width: 200 }}
      />
      <Button type="submit" variant="contained" disabled={saving} sx={{ height: 40 }}>
        Add usage
      </Button>
    </Stack>
  );
}
