import StoreIcon from '@mui/icons-material/Storefront';
import DescriptionIcon from '@mui/icons-material/Description';
import HandshakeIcon from '@mui/icons-material/Handshake';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client';
import { queries } from '../../api/queries';
import { poRoute, useRoute } from '../../app/route';
import { ResellerDirectory } from './ResellerDirectory';

function Way({ icon, title, time, children }: { icon: ReactNode; title: string; time: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title} sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, flexGrow: 1 }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          {icon}
          <Typography variant="h6" component="h2">
            {title}
          </Typography>
        </Stack>
        <Typography variant="body2" color="textSecondary">
          {time}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** The three ways to buy (domain notes §4.1), each with how long it takes, and the reseller directory. */
export function WaysToBuy() {
  const go = useRoute((s) => s.go);
  const products = useQuery(queries.products());
  const [refused, setRefused] = useState<string | null>(null);
  const open = async (code: string | null, name: string) => {
    setRefused(null);
    try {
      if (!(await call('purchases:openStore', { productCode: code }))) setRefused(`The store link for ${name} is not on the list of sites License Desk opens (www.dynamsoft.com). Check it in Settings.`);
    } catch (err) {
      setRefused((err as Error).message);
    }
  };
  return (
    <Stack sx={{ gap: 3 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 2 }}>
        <Way icon={<StoreIcon color="primary" aria-hidden />} title="Online store" time="Minutes: pay by card and the license arrives by e-mail.">
          <Typography variant="body2">Open the store page of a product:</Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            <Button size="small" variant="outlined" onClick={() => void open(null, 'the store')}>
              Dynamsoft store
            </Button>
            {(products.data ?? []).filter((p) => p.builtIn).slice(0, 6).map((p) => (
              <Button key={p.code} size="small" onClick={() => void open(p.code, p.name)} aria-label={`${p.code}: store page for ${p.name}`}>
                {p.code}
              </Button>
            ))}
          </Stack>
        </Way>
        <Way icon={<DescriptionIcon color="primary" aria-hidden />} title="Purchase order" time="One or more business days: the sales team processes a signed PO by hand and replies with an invoice.">
          <Typography variant="body2">Write the PO here, print it as PDF and e-mail it to sales with the draft the app prepares.</Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
            <Button variant="contained" onClick={() => go(poRoute())}>
              New purchase order
            </Button>
            <Button onClick={() => go({ page: 'purchase', tab: 'orders' })}>Purchase orders</Button>
          </Stack>
        </Way>
        <Way icon={<HandshakeIcon color="primary" aria-hidden />} title="Reseller" time="Depends on the reseller: their own terms, currency and lead time.">
          <Typography variant="body2">Keep the resellers you work with below, searchable by region.</Typography>
        </Way>
      </Box>
      {refused && <Alert severity="warning" onClose={() => setRefused(null)}>{refused}</Alert>}
      <ResellerDirectory />
    </Stack>
  );
}
