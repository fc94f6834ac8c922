import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ReminderSettings, type ProductReminderOverride } from '../../../../shared/domain/reminders';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { BrowserNotifications } from './components/BrowserNotifications';

type Field = 'leadTimeDays' | 'offsets' | 'digestTime' | 'followUpDays' | 'overrides';
const offsetsText = (o: readonly number[]) => o.join(', ');
const parseOffsets = (text: string) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

/** The form, mounted once the stored settings are known so its fields start from them. */
function Form({ stored }: { stored: ReminderSettings }) {
  const products = useQuery(queries.products()).data ?? [];
  const [lead, setLead] = useState(String(stored.leadTimeDays));
  const [offsets, setOffsets] = useState(offsetsText(stored.offsets));
  const [digestTime, setDigestTime] = useState(stored.digestTime);
  const [followUp, setFollowUp] = useState(String(stored.followUpDays));
  const [desktop, setDesktop] = useState(stored.desktopNotifications);
  const [overrides, setOverrides] = useState<ProductReminderOverride[]>(stored.overrides);
  const [draft, setDraft] = useState({ productCode: '', lead: '', offsets: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form' | 'draft', string>>>({});
  const [saved, setSaved] = useState(false);

  const addOverride = () => {
    const parsed = ReminderSettings.shape.overrides.element.safeParse({
      productCode: draft.productCode,
      leadTimeDays: Number(draft.lead),
      offsets: draft.offsets.trim() ? parseOffsets(draft.offsets) : null,
    });
    if (!draft.productCode || !draft.lead.trim() || !parsed.success) {
      setErrors({ ...errors, draft: !draft.productCode ? 'Choose a product' : parsed.error?.issues[0]?.message ?? 'Enter the lead time in business days' });
      return;
    }
    setOverrides([...overrides.filter((o) => o.productCode !== parsed.data.productCode), parsed.data]);
    setDraft({ productCode: '', lead: '', offsets: '' });
    setErrors({ ...errors, draft: undefined });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = ReminderSettings.safeParse({ leadTimeDays: Number(lead), offsets: parseOffsets(offsets), digestTime, followUpDays: Number(followUp), desktopNotifications: desktop, overrides });
    if (!parsed.success) {
      const byField: Partial<Record<Field, string>> = {};
      for (const i of parsed.error.issues) byField[i.path[0] as Field] ??= i.message;
      return setErrors(byField);
    }
    try {
      const value = await write('reminders:updateSettings', parsed.data);
      setOffsets(offsetsText(value.offsets));
      setErrors({});
      setSaved(true);
    } catch (err) {
      setErrors({ form: (err as Error).message });
    }
  };

  const name = (code: string) => products.find((p) => p.code === code)?.name ?? code;
  return (
    <Stack component="form" onSubmit={submit} noValidate aria-labelledby="reminders-title" sx={{ gap: 1.5, maxWidth: 760 }}>
      <Typography id="reminders-title" variant="h6" component="h2">
        Renewal reminders
      </Typography>
      <Typography variant="body2" color="textSecondary">
        The order-by date is the expiry minus the procurement lead time (quote, approval, purchase order, vendor processing), in business days.
        Reminders come the given numbers of days before it; one that falls on a weekend comes the Friday before.
      </Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField size="small" label="Lead time (business days)" inputMode="numeric" value={lead} onChange={(e) => setLead(e.target.value)} error={Boolean(errors.leadTimeDays)} helperText={errors.leadTimeDays ?? ' '} sx={{ width: 200 }} />
        <TextField size="small" label="Remind at (days before order-by)" value={offsets} onChange={(e) => setOffsets(e.target.value)} error={Boolean(errors.offsets)} helperText={errors.offsets ?? 'Comma-separated, e.g. 90, 60, 30, 14, 7, 0'} sx={{ width: 280 }} />
      </Stack>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField size="small" type="time" label="Daily digest at" value={digestTime} onChange={(e) => setDigestTime(e.target.value)} error={Boolean(errors.digestTime)} helperText={errors.digestTime ?? ' '} sx={{ width: 200 }} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" label="Follow up a sent order after (days)" inputMode="numeric" value={followUp} onChange={(e) => setFollowUp(e.target.value)} error={Boolean(errors.followUpDays)} helperText={errors.followUpDays ?? ' '} sx={{ width: 280 }} />
        <FormControlLabel control={<Switch checked={desktop} onChange={(e) => setDesktop(e.target.checked)} />} label="Desktop notification with the daily digest" sx={{ mt: 0.5 }} />
      </Stack>
      <BrowserNotifications />

      <Typography variant="subtitle2" component="h3">
        Per product
      </Typography>
      {overrides.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Every product uses the lead time and reminders above.
        </Typography>
      )}
      <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none', gap: 0.5 }}>
        {overrides.map((o) => (
          <Stack component="li" key={o.productCode} direction="row" sx={{ alignItems: 'center', gap: 1 }}>
            <Typography variant="body2" sx={{ flexGrow: 1 }}>
              {name(o.productCode)}: {o.leadTimeDays} business days{o.offsets ? `, reminders at ${offsetsText(o.offsets)} days` : ''}
            </Typography>
            <IconButton size="small" aria-label={`Remove the ${name(o.productCode)} override`} onClick={() => setOverrides(overrides.filter((x) => x !== o))}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField select size="small" label="Product" value={draft.productCode} onChange={(e) => setDraft({ ...draft, productCode: e.target.value })} sx={{ width: 260 }} helperText={errors.draft ?? ' '} error={Boolean(errors.draft)}>
          {products.map((p) => (
            <MenuItem key={p.code} value={p.code}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" label="Its lead time (business days)" inputMode="numeric" value={draft.lead} onChange={(e) => setDraft({ ...draft, lead: e.target.value })} sx={{ width: 260 }} />
        <TextField size="small" label="Its reminders (optional)" value={draft.offsets} onChange={(e) => setDraft({ ...draft, offsets: e.target.value })} sx={{ width: 230 }} />
        <Button onClick={addOverride} sx={{ mt: 0.25 }}>
          Add override
        </Button>
      </Stack>
      {errors.overrides && <Alert severity="error">{errors.overrides}</Alert>}
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
        <Button type="submit" variant="outlined">
          Save reminders
        </Button>
      </Stack>
      {errors.form && <Alert severity="error">{errors.form}</Alert>}
      {saved && <Alert severity="success">Saved. Reminders and calendar exports now use these settings.</Alert>}
    </Stack>
  );
}

/** Lead time, offsets, digest time and per-product overrides, in Settings. */
export function ReminderSettingsSection() {
  const stored = useQuery(queries.reminderSettings());
  if (stored.error) return <Alert severity="error">{stored.error.message}</Alert>;
  return stored.data ? <Form stored={stored.data} /> : null;
}
