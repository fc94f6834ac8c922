import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { AddUsageInput } from '../../../../../shared/domain/usage';
import { IpcError } from '../../../api/client';

interface Props {
  licenseId: number;
  unit: string;
  /** The viewer's local date: a reading cannot be dated after it. */
  today: string;
  onAdd(takenOn: string, used: number, confirmed?: boolean): Promise<unknown>;
}

type Errors = { takenOn?: string; used?: string; form?: string };

/** Record one usage figure read off the License Server's statistics page (the app itself is offline). */
export function AddUsageForm({ licenseId, unit, today, onAdd }: Props) {
  const [takenOn, setTakenOn] = useState(today);
  // A figure far over quota waits here until the person confirms or changes it.
  const [question, setQuestion] = useState<{ takenOn: string; used: number; message: string } | null>(null);
  const [used, setUsed] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setQuestion(null);
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
    if (parsed.data.takenOn > today) {
      setErrors({ takenOn: `Not after today (${today})` });
      return;
    }
    await save(parsed.data.takenOn, parsed.data.used, false);
  };

  const save = async (day: string, amount: number, confirmed: boolean) => {
    setSaving(true);
    try {
      await onAdd(day, amount, confirmed);
      setUsed('');
      setErrors({});
      setQuestion(null);
    } catch (err) {
      if (err instanceof IpcError && err.code === 'NEEDS_CONFIRMATION') {
        setQuestion({ takenOn: day, used: amount, message: err.message });
        return;
      }
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
    <Stack sx={{ gap: 1 }}>
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
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
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
      {question && (
        <Alert
          severity="warning"
          role="alert"
          action={
            <Stack direction="row" sx={{ gap: 1 }}>
              <Button color="inherit" size="small" onClick={() => setQuestion(null)}>
                Change it
              </Button>
              <Button color="inherit" size="small" variant="outlined" disabled={saving} onClick={() => void save(question.takenOn, question.used, true)}>
                Record anyway
              </Button>
            </Stack>
          }
        >
          {question.message}
        </Alert>
      )}
    </Stack>
  );
}
