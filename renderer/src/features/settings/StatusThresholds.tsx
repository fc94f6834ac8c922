import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { statusSettingsIssues } from '../../../../shared/status/index';
import { write } from '../../api/mutations';
import { queries, queryClient } from '../../api/queries';
import { useStatusSettings } from '../../components/status-settings';

/** The amber and red expiry warnings, in days before expiry. */
export function StatusThresholds() {
  const settings = useStatusSettings();
  // What the user typed, or null to show the stored value (which may still be loading).
  const [amberText, setAmber] = useState<string | null>(null);
  const [redText, setRed] = useState<string | null>(null);
  const amber = amberText ?? String(settings.amberDays);
  const red = redText ?? String(settings.redDays);
  const [error, setError] = useState<{ amber?: string; red?: string; form?: string }>({});
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // An empty field is not 0 days: Number('') would say it is.
    const next = { amberDays: amber.trim() === '' ? Number.NaN : Number(amber), redDays: red.trim() === '' ? Number.NaN : Number(red) };
    const issues = statusSettingsIssues(next);
    if (issues.length > 0) {
      setError({ amber: issues.find((i) => i.path === 'amberDays')?.message, red: issues.find((i) => i.path === 'redDays')?.message });
      return;
    }
    try {
      // The stored values at once, so the fields do not show the old ones while the refetch runs.
      queryClient.setQueryData(queries.settings().queryKey, await write('settings:update', next));
      setAmber(null);
      setRed(null);
      setError({});
      setSaved(true);
    } catch (err) {
      setError({ form: (err as Error).message });
    }
  };

  return (
    <Stack component="form" onSubmit={submit} noValidate aria-labelledby="thresholds-title" sx={{ gap: 1.5, maxWidth: 640 }}>
      <Typography id="thresholds-title" variant="h6" component="h2">
        Expiry warnings
      </Typography>
      <Typography variant="body2" color="textSecondary">
        A license turns amber when it has this many days left or fewer, and red closer still. Dynamsoft sends its own reminders at 90, 60, 30,
        14 and 7 days.
      </Typography>
      <Stack direction="row" sx={{ gap: 2 }}>
        <TextField size="small" label="Amber at (days)" inputMode="numeric" value={amber} onChange={(e) => setAmber(e.target.value)} error={Boolean(error.amber)} helperText={error.amber ?? ' '} />
        <TextField size="small" label="Red at (days)" inputMode="numeric" value={red} onChange={(e) => setRed(e.target.value)} error={Boolean(error.red)} helperText={error.red ?? ' '} />
        <Button type="submit" variant="outlined" sx={{ alignSelf: 'flex-start', mt: 0.25, flexShrink: 0, whiteSpace: 'nowrap' }}>
          Save warnings
        </Button>
      </Stack>
      {error.form && <Alert severity="error">{error.form}</Alert>}
      {saved && <Alert severity="success">Saved. Every status now uses these warnings.</Alert>}
    </Stack>
  );
}
