import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatPoNumber, PoSettings, type Vendor } from '../../../../shared/domain/company';
import { CURRENCIES } from '../../../../shared/domain/money';
import { IpcError } from '../../api/client';
import { write } from '../../api/mutations';
import { queryClient } from '../../api/queries';
import { purchaseQueries } from '../purchase';

type Form = Omit<PoSettings, 'sequenceDigits' | 'nextSequence' | 'storeUrls'> & { sequenceDigits: string; nextSequence: string; storeUrls: string };

const toForm = (s: PoSettings): Form => ({ ...s, sequenceDigits: String(s.sequenceDigits), nextSequence: String(s.nextSequence), storeUrls: Object.entries(s.storeUrls).map(([k, u]) => `${k} ${u}`).join('\n') });

/** "DBR https://…" per line → product code → store URL. */
function parseStoreUrls(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [code = '', ...rest] = l.split(/\s+/);
        return [code.toUpperCase(), rest.join(' ')];
      }),
  );
}

/** Currency, page size, numbering, the vendor block and store links. */
export function PoSettingsForm() {
  const stored = useQuery(purchaseQueries.poSettings());
  if (!stored.data) return null;
  return <SettingsForm initial={stored.data} />;
}

function SettingsForm({ initial }: { initial: PoSettings }) {
  const [f, setF] = useState(() => toForm(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));
  const setVendor = (patch: Partial<Vendor>) => setF((x) => ({ ...x, vendor: { ...x.vendor, ...patch } }));
  const save = async () => {
    setNote(null);
    const candidate = { ...f, sequenceDigits: Number(f.sequenceDigits), nextSequence: f.nextSequence.trim() === '' ? Number.NaN : Number(f.nextSequence), storeUrls: parseStoreUrls(f.storeUrls) };
    const parsed = PoSettings.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path[0] === 'storeUrls' ? 'storeUrls' : i.path.join('.'), i.path[0] === 'storeUrls' ? `${String(i.path[1] ?? '')} ${i.message}`.trim() : i.message])));
      return;
    }
    try {
      queryClient.setQueryData(purchaseQueries.poSettings().queryKey, await write('po:updateSettings', parsed.data));
      setErrors({});
      setNote({ ok: true, text: `Saved. The next PO number is ${formatPoNumber(parsed.data.numberPrefix, parsed.data.nextSequence, parsed.data.sequenceDigits)}.` });
    } catch (err) {
      if (err instanceof IpcError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setNote({ ok: false, text: (err as Error).message });
    }
  };
  const field = (key: 'numberPrefix' | 'sequenceDigits' | 'nextSequence' | 'paymentTerms' | 'storeUrl', label: string, width: number | string) => (
    <TextField size="small" label={label} value={f[key]} onChange={(e) => set({ [key]: e.target.value })} error={Boolean(errors[key])} helperText={errors[key] ?? ' '} sx={{ width }} />
  );
  const vendor = (key: keyof Vendor, label: string, width: number | string, multiline = false) => (
    <TextField size="small" label={`Vendor ${label}`} value={f.vendor[key]} multiline={multiline} onChange={(e) => setVendor({ [key]: e.target.value })} error={Boolean(errors[`vendor.${key}`])} helperText={errors[`vendor.${key}`] ?? ' '} sx={{ width }} />
  );
  return (
    <Stack component="form" noValidate aria-labelledby="po-settings-title" onSubmit={(e) => (e.preventDefault(), void save())} sx={{ gap: 1 }}>
      <Typography id="po-settings-title" variant="h6" component="h2">
        Purchase orders
      </Typography>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        <TextField select size="small" label="Currency" value={f.currency} onChange={(e) => set({ currency: e.target.value as Form['currency'] })} helperText=" " sx={{ width: 110 }}>
          {CURRENCIES.map((c) => (
            <MenuItem key={c} value={c}>
              {c}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Page size" value={f.pageSize} onChange={(e) => set({ pageSize: e.target.value as Form['pageSize'] })} helperText=" " sx={{ width: 120 }}>
          <MenuItem value="A4">A4</MenuItem>
          <MenuItem value="LETTER">Letter</MenuItem>
        </TextField>
        {field('numberPrefix', 'Number prefix', 130)}
        {field('sequenceDigits', 'Digits', 90)}
        {field('nextSequence', 'Next number', 130)}
        {field('paymentTerms', 'Payment terms', 160)}
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        {vendor('name', 'name', 260)}
        {vendor('email', 'e-mail (POs go here)', 260)}
        {vendor('phone', 'phone', 160)}
        {vendor('fax', 'fax', 160)}
        {vendor('address', 'address', 360, true)}
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        {field('storeUrl', 'Online store', 360)}
        <TextField
          size="small"
          label="Store page per product (one per line: code URL)"
          value={f.storeUrls}
          multiline
          minRows={2}
          placeholder="DBR https://www.dynamsoft.com/…"
          onChange={(e) => set({ storeUrls: e.target.value })}
          error={Boolean(errors.storeUrls)}
          helperText={errors.storeUrls ?? ' '}
          sx={{ width: 480 }}
        />
      </Stack>
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button type="submit" variant="outlined">
          Save PO settings
        </Button>
      </Stack>
      {note && <Alert severity={note.ok ? 'success' : 'error'}>{note.text}</Alert>}
    </Stack>
  );
}
