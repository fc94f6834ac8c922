import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { DEVICE_WINDOWS, QUOTA_MODES, QUOTA_MODE_LABELS } from '../../../../../shared/domain/quota';
import type { LicenseItem, LicenseItemFields } from '../../../../../shared/domain/license';
import type { Product } from '../../../../../shared/domain/product';
import { IpcError } from '../../../api/client';
import { EMPTY_FORM, defaultExpiry, fromItem, issuesToErrors, validateForm, type FieldErrors, type LicenseFormValues } from '../form-model';
import { ProjectCodeField } from '../../../components/ProjectCodeField';

interface Props {
  open: boolean;
  products: Product[];
  onClose(): void;
  onSubmit(input: LicenseItemFields): Promise<void>;
  /** The stored item to edit; without it the dialog adds a new one. */
  initial?: LicenseItem;
}

/**
 * Add a license by hand, or edit one (`initial`). Validates with the shared schema, then shows main's
 * answer in place.
 */
export function LicenseFormDialog({ open, products, onClose, onSubmit, initial }: Props) {
  const editing = initial !== undefined;
  const [values, setValues] = useState<LicenseFormValues>(() => (initial ? fromItem(initial) : EMPTY_FORM));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);

  // Start from the item as it is now each time the dialog opens: it may have changed since the last edit.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setValues(initial ? fromItem(initial) : EMPTY_FORM);
      setErrors({});
      setFormError(null);
    }
  }

  const set = <K extends keyof LicenseFormValues>(key: K, value: LicenseFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Fill the one-year default only while the user has not typed an expiry of their own.
      if (key === 'activatedOn' && next.term === 'annual' && (v.expiresOn === '' || v.expiresOn === defaultExpiry(v.activatedOn))) {
        next.expiresOn = defaultExpiry(String(value));
      }
      return next;
    });
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  // Values are reset when the dialog next opens, not here, so the closing animation shows no flash of empty fields.
  const close = () => {
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setSaving(true);
    try {
      await onSubmit(result.input);
      close();
    } catch (err) {
      if (err instanceof IpcError && err.issues.length) setErrors(issuesToErrors(err.issues));
      setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const product = products.find((p) => p.code === values.productCode);
  const field = (key: keyof LicenseFormValues, label: string, extra: Record<string, unknown> = {}) => ({
    id: `license-${key}`,
    label,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
    fullWidth: true,
    size: 'small' as const,
    ...extra,
    error: Boolean(errors[key]),
    helperText: errors[key] ?? (extra.helperText as string | undefined) ?? ' ',
  });

  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby="license-form-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="license-form-title">{editing ? 'Edit license' : 'Add license'}</DialogTitle>
        <DialogContent dividers>
          {formError && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {formError}
            </Alert>
          )}
          <Grid container columnSpacing={2} rowSpacing={0.5}>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                {...field(
                  'itemId',
                  'Item ID',
                  editing
                    ? { slotProps: { htmlInput: { readOnly: true } }, helperText: 'The item ID cannot be changed' }
                    : { required: true, autoFocus: true, inputMode: 'numeric' },
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('licenseId', 'License ID', { autoFocus: editing })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('orderId', 'Order ID')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField {...field('productCode', 'Product', { select: true, required: true })}>
                {products.map((p) => (
                  <MenuItem key={p.code} value={p.code}>
                    {p.name}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <Autocomplete
                freeSolo
                options={product?.editions ?? []}
                inputValue={values.edition}
                onInputChange={(_e, v) => set('edition', v)}
                renderInput={(params) => <TextField {...params} label="Edition" size="small" helperText={errors.edition ?? ' '} error={Boolean(errors.edition)} />}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 2 }}>
              <TextField {...field('version', 'Version', { placeholder: '11.X' })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('quotaMode', 'Quota mode', { select: true })}>
                {QUOTA_MODES.map((m) => (
                  <MenuItem key={m} value={m}>
                    {QUOTA_MODE_LABELS[m].label}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('quotaAmount', `Quota (${QUOTA_MODE_LABELS[values.quotaMode].unit})`, { required: true, inputMode: 'numeric' })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('deviceWindow', 'Active-device window', { select: true, disabled: values.quotaMode !== 'devices' })}>
                <MenuItem value="">Not specified</MenuItem>
                {DEVICE_WINDOWS.map((w) => (
                  <MenuItem key={w} value={w}>
                    {w[0]!.toUpperCase() + w.slice(1)} active devices
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('term', 'Term', { select: true })}>
                <MenuItem value="annual">Annual</MenuItem>
                <MenuItem value="lifetime">Lifetime</MenuItem>
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('activationStatus', 'Status', { select: true })}>
                <MenuItem value="activated">Activated</MenuItem>
                <MenuItem value="new">New (not activated)</MenuItem>
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('activatedOn', 'Activation date', { type: 'date', disabled: values.activationStatus === 'new', slotProps: { inputLabel: { shrink: true } } })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('expiresOn', 'Expiry date', { type: 'date', slotProps: { inputLabel: { shrink: true } }, helperText: values.term === 'annual' ? 'One year from activation by default' : undefined })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField {...field('maintenanceExpiresOn', 'Maintenance expiry', { type: 'date', disabled: values.term !== 'lifetime', slotProps: { inputLabel: { shrink: true } } })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <ProjectCodeField
                id="license-projectCode"
                label="Project (handshake code)"
                value={values.projectCode}
                onChange={(code) => set('projectCode', code)}
                error={Boolean(errors.projectCode)}
                helperText={errors.projectCode ?? ' '}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField {...field('alias', 'Alias')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField {...field('notes', 'Notes', { multiline: true, maxRows: 4 })} />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {editing ? 'Save changes' : 'Save license'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
