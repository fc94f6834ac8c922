import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ResellerPicker } from '../../purchase';
import { ORDER_CHANNEL_LABELS, ORDER_CHANNELS, storeUrl, type OrderChannel } from '../../../../../shared/domain/order';

export interface ChannelChoice {
  channel: OrderChannel;
  reseller: string;
  reference: string;
  markSent: boolean;
}

export const DEFAULT_CHANNEL: ChannelChoice = { channel: 'store', reseller: '', reference: '', markSent: false };

const HINTS: Record<OrderChannel, string> = {
  store: 'Fastest: the license usually arrives within minutes.',
  'purchase-order': 'Sales handles a signed PO by hand within a business day, then sends an invoice. The order and its lines are kept for the PO.',
  reseller: 'Buy through a reseller or distributor you work with.',
};

/** How the order goes to the vendor (domain.md §4.1). */
export function ChannelStep({ value, onChange, productCode }: { value: ChannelChoice; onChange(v: ChannelChoice): void; productCode: string }) {
  const set = (patch: Partial<ChannelChoice>) => onChange({ ...value, ...patch });
  return (
    <Stack sx={{ gap: 2 }}>
      <FormControl>
        <FormLabel id="channel-label">Purchase channel</FormLabel>
        <RadioGroup aria-labelledby="channel-label" value={value.channel} onChange={(e) => set({ channel: e.target.value as OrderChannel })}>
          {ORDER_CHANNELS.map((c) => (
            <FormControlLabel
              key={c}
              value={c}
              control={<Radio />}
              label={
                <span>
                  {ORDER_CHANNEL_LABELS[c]}
                  <Typography component="span" variant="body2" color="textSecondary">
                    {' '}
                    — {HINTS[c]}
                  </Typography>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>
      {value.channel === 'store' && (
        // target=_blank goes through the window-open handler, which opens only allowlisted https hosts.
        <Button variant="outlined" href={storeUrl(productCode)} target="_blank" rel="noopener noreferrer" endIcon={<OpenInNewIcon />} sx={{ alignSelf: 'flex-start' }}>
          Open the online store
        </Button>
      )}
      {value.channel === 'reseller' && (
        <ResellerPicker value={value.reseller} onChange={(reseller) => set({ reseller })} />
      )}
      <TextField label="Reference (optional)" value={value.reference} onChange={(e) => set({ reference: e.target.value })} helperText="A quote, cart or PO number" sx={{ maxWidth: 420 }} />
      <FormControlLabel control={<Checkbox checked={value.markSent} onChange={(e) => set({ markSent: e.target.checked })} />} label="I have already placed this order (record it as sent)" />
    </Stack>
  );
}
