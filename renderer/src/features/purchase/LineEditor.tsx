import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { formatMinor, lineAmounts } from '../../../../shared/domain/money';
import { PO_LINE_KIND_LABELS, PO_LINE_KINDS } from '../../../../shared/domain/purchase-order';
import { parsedFigures, type FormErrors, type LineForm } from './po-form';

interface Props {
  index: number;
  line: LineForm;
  errors: FormErrors;
  disabled: boolean;
  canRemove: boolean;
  onChange(index: number, patch: Partial<LineForm>): void;
  onRemove(index: number): void;
}

/** One PO line: what is bought, how many at what price, and for renewals which license it is about. */
export const LineEditor = memo(function LineEditor({ index, line, errors, disabled, canRemove, onChange, onRemove }: Props) {
  const n = index + 1;
  const err = (key: string) => errors[`lines.${index}.${key}`];
  const field = (key: keyof LineForm, label: string, errKey: string = key, extra: { width?: number | string; placeholder?: string; inputMode?: 'numeric' | 'decimal'; multiline?: boolean } = {}) => (
    <TextField
      size="small"
      label={label}
      value={line[key] ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(index, { [key]: e.target.value })}
      error={Boolean(err(errKey))}
      helperText={err(errKey) ?? ' '}
      placeholder={extra.placeholder}
      multiline={extra.multiline}
      slotProps={{ htmlInput: { 'aria-label': `${label}, line ${n}`, inputMode: extra.inputMode } }}
      // A width is where a field starts: fields grow to fill their row, so a wrapped row has no ragged gap and long values show whole.
      sx={typeof extra.width === 'number' ? { flex: `1 1 ${extra.width}px`, minWidth: extra.width } : { width: extra.width ?? 'auto', flexShrink: 0 }}
    />
  );
  const figures = parsedFigures(line);
  const amount = figures ? formatMinor(lineAmounts(figures).total) : '—';
  const isRenewal = line.kind !== 'new';
  return (
    <Paper variant="outlined" component="section" aria-label={`Line ${n}`} sx={{ p: 1.5, pb: 0.5 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" sx={{ width: 20, pt: 1 }} aria-hidden>
          {n}
        </Typography>
        <TextField
          select
          size="small"
          label="Kind"
          value={line.kind}
          disabled={disabled}
          onChange={(e) => onChange(index, { kind: e.target.value as LineForm['kind'] })}
          helperText=" "
          slotProps={{ htmlInput: { 'aria-label': `Kind, line ${n}` } }}
          sx={{ width: 130 }}
        >
          {PO_LINE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {PO_LINE_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: '1 1 280px', minWidth: 220 }}>{field('productSaleName', 'Product sale name', 'productSaleName', { width: '100%', placeholder: 'As on the quote or store' })}</Box>
        {field('sku', 'SKU', 'sku', { width: 110 })}
        {field('quantity', 'Qty', 'quantity', { width: 80, inputMode: 'numeric' })}
        {field('unitPrice', 'Unit price', 'unitPriceMinor', { width: 120, inputMode: 'decimal', placeholder: '1,249.00' })}
        {field('discount', 'Discount %', 'discountBp', { width: 124, inputMode: 'decimal' })}
        {field('tax', 'Tax %', 'taxBp', { width: 80, inputMode: 'decimal' })}
        <Box sx={{ width: 110, pt: 1, textAlign: 'right' }}>
          <Typography variant="body2" aria-label={`Amount, line ${n}`} sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
            {amount}
          </Typography>
        </Box>
        <IconButton aria-label={`Remove line ${n}`} disabled={disabled || !canRemove} onClick={() => onRemove(index)} sx={{ mt: 0.25 }}>
          <DeleteIcon />
        </IconButton>
      </Stack>
      <Stack direction="row" sx={{ gap: 1, pl: '28px', flexWrap: 'wrap' }}>
        <Box sx={{ flex: '1 1 260px' }}>{field('description', 'Description', 'description', { width: '100%', multiline: true })}</Box>
        {isRenewal && (
          <>
            {field('licenseId', 'License ID', 'licenseId', { width: 120 })}
            {field('itemId', 'Item ID', 'itemId', { width: 110 })}
            {field('orderId', 'Order ID', 'orderId', { width: 110 })}
            {field('handshakeCode', 'Project', 'handshakeCode', { width: 210 })}
            {field('currentExpiry', 'Current expiry', 'currentExpiry', { width: 130, placeholder: 'YYYY-MM-DD' })}
            {field('requestedTerm', 'Requested term', 'requestedTerm', { width: 250 })}
          </>
        )}
      </Stack>
    </Paper>
  );
});
