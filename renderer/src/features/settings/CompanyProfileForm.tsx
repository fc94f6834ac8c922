import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CompanyProfile, DEPLOYMENT_LABELS, DEPLOYMENT_TYPES, type Address, type Contact } from '../../../../shared/domain/company';
import { IpcError } from '../../api/client';
import { write } from '../../api/mutations';
import { queryClient } from '../../api/queries';
import { purchaseQueries } from '../purchase';

const EMPTY_ADDRESS: Address = { street: '', city: '', region: '', postalCode: '', country: '' };
const EMPTY_CONTACT: Contact = { name: '', email: '', phone: '' };
const EMPTY: CompanyProfile = {
  legalName: '',
  address: EMPTY_ADDRESS,
  billTo: null,
  shipTo: null,
  phone: '',
  taxId: '',
  billingContact: EMPTY_CONTACT,
  technicalContacts: [EMPTY_CONTACT],
  deploymentType: 'dynamsoft-hosted',
};

type Errors = Record<string, string>;

function AddressFields({ prefix, legend, value, errors, onChange }: { prefix: string; legend: string; value: Address; errors: Errors; onChange(a: Address): void }) {
  const f = (key: keyof Address, label: string, width: number | string, multiline = false) => (
    <TextField
      size="small"
      label={`${legend}: ${label}`}
      value={value[key]}
      multiline={multiline}
      onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      error={Boolean(errors[`${prefix}.${key}`])}
      helperText={errors[`${prefix}.${key}`] ?? ' '}
      sx={{ width }}
    />
  );
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
      {f('street', 'street', 320, true)}
      {f('city', 'city', 160)}
      {f('region', 'state / region', 200)}
      {f('postalCode', 'postal code', 180)}
      {f('country', 'country', 160)}
    </Stack>
  );
}

function ContactFields({ prefix, legend, value, errors, onChange }: { prefix: string; legend: string; value: Contact; errors: Errors; onChange(c: Contact): void }) {
  const f = (key: keyof Contact, label: string, width: number) => (
    <TextField size="small" label={`${legend}: ${label}`} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} error={Boolean(errors[`${prefix}.${key}`])} helperText={errors[`${prefix}.${key}`] ?? ' '} sx={{ width }} />
  );
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
      {f('name', 'name', 220)}
      {f('email', 'e-mail', 260)}
      {f('phone', 'phone', 260)}
    </Stack>
  );
}

/** The buying company as its POs show it; validated by the same schema main applies. */
export function CompanyProfileForm() {
  const stored = useQuery(purchaseQueries.company());
  if (stored.isPending) return null;
  // Mounted once the stored profile is known; its own state is what the user edits from then on.
  return <CompanyForm initial={stored.data ?? EMPTY} isNew={!stored.data} />;
}

function CompanyForm({ initial, isNew }: { initial: CompanyProfile; isNew: boolean }) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<CompanyProfile>) => setV((x) => ({ ...x, ...patch }));
  const save = async () => {
    setNote(null);
    const parsed = CompanyProfile.safeParse(v);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      setNote({ ok: false, text: 'Some fields need attention (marked in red).' });
      return;
    }
    try {
      queryClient.setQueryData(purchaseQueries.company().queryKey, await write('company:update', parsed.data));
      setErrors({});
      setNote({ ok: true, text: 'Saved. New purchase orders use this profile.' });
    } catch (err) {
      if (err instanceof IpcError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setNote({ ok: false, text: (err as Error).message });
    }
  };
  const text = (key: 'legalName' | 'phone' | 'taxId', label: string, width: number) => (
    <TextField size="small" label={label} value={v[key]} onChange={(e) => set({ [key]: e.target.value })} error={Boolean(errors[key])} helperText={errors[key] ?? ' '} sx={{ width }} />
  );
  return (
    <Stack component="form" noValidate aria-labelledby="company-title" onSubmit={(e) => (e.preventDefault(), void save())} sx={{ gap: 1 }}>
      <Typography id="company-title" variant="h6" component="h2">
        Company profile
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Printed on every purchase order. Only the billing and technical contacts’ e-mails can see the licenses in the customer portal afterwards.
      </Typography>
      {isNew && !note?.ok && <Alert severity="info">Fill this in before printing your first purchase order.</Alert>}
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        {text('legalName', 'Company legal name', 320)}
        {text('phone', 'Company phone', 180)}
        {text('taxId', 'Tax id', 180)}
        <TextField select size="small" label="Deployment type" value={v.deploymentType} onChange={(e) => set({ deploymentType: e.target.value as CompanyProfile['deploymentType'] })} helperText=" " sx={{ width: 320 }}>
          {DEPLOYMENT_TYPES.map((d) => (
            <MenuItem key={d} value={d}>
              {DEPLOYMENT_LABELS[d]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <AddressFields prefix="address" legend="Address" value={v.address} errors={errors} onChange={(address) => set({ address })} />
      <FormControlLabel control={<Checkbox checked={v.billTo === null} onChange={(e) => set({ billTo: e.target.checked ? null : { ...v.address } })} />} label="Bill to the company address" />
      {v.billTo && <AddressFields prefix="billTo" legend="Bill to" value={v.billTo} errors={errors} onChange={(billTo) => set({ billTo })} />}
      <FormControlLabel control={<Checkbox checked={v.shipTo === null} onChange={(e) => set({ shipTo: e.target.checked ? null : { ...v.address } })} />} label="Ship to the company address" />
      {v.shipTo && <AddressFields prefix="shipTo" legend="Ship to" value={v.shipTo} errors={errors} onChange={(shipTo) => set({ shipTo })} />}
      <ContactFields prefix="billingContact" legend="Billing contact" value={v.billingContact} errors={errors} onChange={(billingContact) => set({ billingContact })} />
      {v.technicalContacts.map((c, i) => (
        <Stack key={i} direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
          <ContactFields prefix={`technicalContacts.${i}`} legend={`Technical contact ${i + 1}`} value={c} errors={errors} onChange={(nc) => set({ technicalContacts: v.technicalContacts.map((x, j) => (j === i ? nc : x)) })} />
          {v.technicalContacts.length > 1 && (
            <Button color="error" onClick={() => set({ technicalContacts: v.technicalContacts.filter((_, j) => j !== i) })} aria-label={`Remove technical contact ${i + 1}`}>
              Remove
            </Button>
          )}
        </Stack>
      ))}
      {errors.technicalContacts && <Alert severity="error">{errors.technicalContacts}</Alert>}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <Button startIcon={<AddIcon />} disabled={v.technicalContacts.length >= 5} onClick={() => set({ technicalContacts: [...v.technicalContacts, EMPTY_CONTACT] })}>
          Add technical contact
        </Button>
        <Button type="submit" variant="outlined">
          Save company profile
        </Button>
      </Stack>
      {note && <Alert severity={note.ok ? 'success' : 'error'}>{note.text}</Alert>}
    </Stack>
  );
}
