import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { CompanyProfile, PoSettings } from '../../../../shared/domain/company';
import { formatMinor, totalsOf } from '../../../../shared/domain/money';
import type { PurchaseRecord } from '../../../../shared/domain/purchase-history';
import { PO_STATUS_LABELS, type PoLine, type PurchaseOrder } from '../../../../shared/domain/purchase-order';
import { call, IpcError } from '../../api/client';
import { write } from '../../api/mutations';
import { poRoute, useRoute, type Route } from '../../app/route';
import { localIsoDate } from '../../components/useNow';
import { formatDateTime } from '../../components/dates';
import { LineEditor } from './LineEditor';
import { PoActions } from './PoActions';
import { PoPreview } from './PoPreview';
import { blankLine, draftFromForm, formFromDraft, newForm, type FormErrors, type LineForm, type PoForm } from './po-form';
import { purchaseQueries } from './queries';

type PoRoute = Extract<Route, { page: 'po' }>;

/** Form field → the contract's path for its errors, where they differ. */
const ERROR_PATH: Partial<Record<keyof PoForm, string>> = {
  quoteId: 'quote.quoteId',
  quoteFrom: 'quote.validFrom',
  quoteTo: 'quote.validTo',
  requestedByName: 'requestedBy.name',
  requestedByTitle: 'requestedBy.title',
  approvedByName: 'approvedBy.name',
  approvedByTitle: 'approvedBy.title',
};

const COMPANY_HINT = 'the company legal name and address, a billing contact and at least one technical contact';

/** Where a new PO starts: lines from a renewal/add-quota order, from picked licenses, or none; a quote to refer to. */
async function startingPoint(route: PoRoute, settings: PoSettings): Promise<PoForm> {
  const today = localIsoDate(new Date());
  let lines: PoLine[] = [];
  if (route.orderId) lines = await call('po:linesForOrder', { orderId: route.orderId });
  else if (route.licenseIds.length) lines = await call('po:linesForLicenses', { ids: route.licenseIds });
  const form = newForm(today, settings.paymentTerms, lines, route.orderId);
  if (route.quoteId) {
    const quote = (await call('purchases:list')).find((r: PurchaseRecord) => r.id === route.quoteId && r.kind === 'quote');
    if (quote) Object.assign(form, { quoteId: quote.refId, quoteFrom: quote.validFrom ?? '', quoteTo: quote.validTo ?? '' });
  }
  return form;
}

export function PoBuilderPage({ route }: { route: PoRoute }) {
  const company = useQuery(purchaseQueries.company());
  const settings = useQuery(purchaseQueries.poSettings());
  const existing = useQuery({ ...purchaseQueries.po(route.id ?? 0), enabled: route.id !== null });
  const start = useQuery({
    queryKey: ['po', 'start', route],
    queryFn: () => startingPoint(route, settings.data!),
    enabled: route.id === null && settings.data !== undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
  const error = company.error ?? settings.error ?? existing.error ?? start.error;
  if (error) return <Alert severity="error" sx={{ m: 3 }}>{(error as Error).message}</Alert>;
  const initial = route.id !== null ? (existing.data ? formFromDraft(existing.data) : null) : (start.data ?? null);
  if (company.isPending || !settings.data || !initial) return <CircularProgress sx={{ m: 3 }} aria-label="Loading the purchase order" />;
  return <PoBuilder key={route.id ?? 'new'} initial={initial} po={existing.data ?? null} company={company.data ?? null} settings={settings.data} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1.5, fontWeight: 600 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function PoBuilder({ initial, po, company, settings }: { initial: PoForm; po: PurchaseOrder | null; company: CompanyProfile | null; settings: PoSettings }) {
  const go = useRoute((s) => s.go);
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [dirty, setDirty] = useState(po === null);
  const [formError, setFormError] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const editable = po === null || po.status === 'draft';

  const set = (patch: Partial<PoForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
    setSavedNote(null);
  };
  const changeLine = useCallback((i: number, patch: Partial<LineForm>) => {
    setForm((f) => ({ ...f, lines: f.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
    setDirty(true);
    setSavedNote(null);
  }, []);
  const removeLine = useCallback((i: number) => {
    setForm((f) => ({ ...f, lines: f.lines.filter((_, j) => j !== i) }));
    setDirty(true);
  }, []);

  const parsed = useMemo(() => draftFromForm(form), [form]);
  const totals = parsed.ok ? totalsOf(parsed.draft.lines) : null;

  /** Saves the form; returns the stored PO, or null when a field is wrong (shown at the field). */
  const save = async (): Promise<PurchaseOrder | null> => {
    setFormError(null);
    const r = draftFromForm(form);
    if (!r.ok) {
      setErrors(r.errors);
      return null;
    }
    setErrors({});
    try {
      const stored = po ? await write('po:update', { id: po.id, draft: r.draft }) : await write('po:create', r.draft);
      setDirty(false);
      setSavedNote(`Saved as ${stored.number}.`);
      if (!po) go(poRoute({ id: stored.id }));
      return stored;
    } catch (err) {
      if (err instanceof IpcError && err.issues.length) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setFormError((err as Error).message);
      return null;
    }
  };

  const text = (key: keyof PoForm, label: string, width: number | string = 200, extra: { placeholder?: string; multiline?: boolean } = {}) => (
    <TextField
      size="small"
      label={label}
      value={form[key] as string}
      disabled={!editable}
      onChange={(e) => set({ [key]: e.target.value })}
      error={Boolean(errors[ERROR_PATH[key] ?? key])}
      helperText={errors[ERROR_PATH[key] ?? key] ?? ' '}
      placeholder={extra.placeholder}
      multiline={extra.multiline}
      minRows={extra.multiline ? 2 : undefined}
      sx={typeof width === 'number' ? { flex: `1 1 ${width}px`, minWidth: width } : { width }}
    />
  );

  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1400 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {po ? `Purchase order ${po.number}` : 'New purchase order'}
        </Typography>
        {po && <Chip label={PO_STATUS_LABELS[po.status]} color={po.status === 'sent' ? 'success' : po.status === 'cancelled' ? 'default' : 'primary'} variant="outlined" />}
        {po?.sentAt && <Typography color="textSecondary">Sent {formatDateTime(po.sentAt)}</Typography>}
        {form.sourceOrderId && <Chip label={`For order #${form.sourceOrderId}`} variant="outlined" />}
        <Box sx={{ flexGrow: 1 }} />
        <Link component="button" onClick={() => go({ page: 'purchase', tab: 'orders' })}>
          All purchase orders
        </Link>
      </Stack>

      {!company && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" onClick={() => go({ page: 'settings' })}>
              Open Settings
            </Button>
          }
        >
          Fill in your company profile in Settings before printing: {COMPANY_HINT}. You can write and save the draft meanwhile.
        </Alert>
      )}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 300px', lg: 'minmax(0, 1fr) 380px' }, gap: 2, alignItems: 'start' }}>
        <Stack sx={{ gap: 2, minWidth: 0 }}>
          <Section title="Order">
            <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
              {text('orderDate', 'Order date', 150, { placeholder: 'YYYY-MM-DD' })}
              {text('requestedDelivery', 'Requested delivery', 190, { placeholder: 'YYYY-MM-DD' })}
              {text('paymentTerms', 'Payment terms', 160)}
              {text('deliveryMethod', 'Delivery', 320)}
            </Stack>
            <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
              {text('quoteId', 'Dynamsoft quote id', 190)}
              {text('quoteFrom', 'Quote valid from', 170, { placeholder: 'YYYY-MM-DD' })}
              {text('quoteTo', 'Quote valid to', 170, { placeholder: 'YYYY-MM-DD' })}
            </Stack>
          </Section>

          <Section title="Lines">
            <Stack sx={{ gap: 1 }}>
              {form.lines.map((l, i) => (
                <LineEditor key={i} index={i} line={l} errors={errors} disabled={!editable} canRemove={form.lines.length > 1} onChange={changeLine} onRemove={removeLine} />
              ))}
              {errors.lines && <Alert severity="error">{errors.lines}</Alert>}
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
                <Button startIcon={<AddIcon />} disabled={!editable} onClick={() => set({ lines: [...form.lines, blankLine()] })}>
                  Add line
                </Button>
                <Box component="dl" aria-label="Totals" sx={{ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 3, rowGap: 0.25, m: 0, '& dd': { m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}>
                  <dt>Subtotal</dt>
                  <dd>{totals ? formatMinor(totals.subtotal) : '—'}</dd>
                  <dt>Discount</dt>
                  <dd>{totals ? `-${formatMinor(totals.discount)}` : '—'}</dd>
                  <dt>Tax</dt>
                  <dd>{totals ? formatMinor(totals.tax) : '—'}</dd>
                  <Box component="dt" sx={{ fontWeight: 700 }}>
                    Total
                  </Box>
                  <Box component="dd" sx={{ fontWeight: 700 }} aria-label="Total">
                    {totals ? formatMinor(totals.total, settings.currency) : '—'}
                  </Box>
                </Box>
              </Stack>
              <Typography variant="caption" color="textSecondary">
                Discount and tax are worked out per line and rounded half up to the cent; the total is the sum of the lines, as printed on the PO.
              </Typography>
            </Stack>
          </Section>

          <Section title="Signatures and notes">
            <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
              {text('requestedByName', 'Requested by', 200)}
              {text('requestedByTitle', 'Their title', 180)}
              {text('approvedByName', 'Approved by', 200)}
              {text('approvedByTitle', 'Approver title', 180)}
            </Stack>
            {text('notes', 'Notes for the vendor', '100%', { multiline: true })}
          </Section>

          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <Button variant={po ? 'outlined' : 'contained'} onClick={() => void save()} disabled={!editable || !dirty}>
              {po ? 'Save changes' : 'Save draft'}
            </Button>
            {savedNote && <Typography color="success.main">{savedNote}</Typography>}
            {Object.keys(errors).length > 0 && <Typography color="error">Some fields need attention (marked in red).</Typography>}
          </Stack>
          {formError && <Alert severity="error">{formError}</Alert>}
          {po && <PoActions po={po} canPrint={company !== null} saveFirst={async () => !dirty || (await save()) !== null} />}
        </Stack>

        <Stack sx={{ gap: 1, position: { md: 'sticky' }, top: 16 }}>
          <Typography variant="subtitle2" component="h2">
            First page preview
          </Typography>
          <PoPreview draft={parsed.ok ? parsed.draft : null} poId={po?.id ?? null} hasCompany={company !== null} settings={settings} companyHint={COMPANY_HINT} />
        </Stack>
      </Box>
    </Stack>
  );
}
