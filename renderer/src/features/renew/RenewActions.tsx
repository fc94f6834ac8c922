import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import CartIcon from '@mui/icons-material/ShoppingCartOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { LicenseItem } from '../../../../shared/domain/license';
import { useRoute } from '../../app/route';
import { AddQuotaWizard } from './AddQuotaWizard';
import { RenewWizard } from './RenewWizard';

/** "Renew" and "Add quota" on a license's detail page, each opening its wizard with fresh state; "Buy" opens the ways to buy. */
export function RenewActions({ item }: { item: LicenseItem }) {
  const [open, setOpen] = useState<'renew' | 'quota' | null>(null);
  // A new key per opening, so a wizard never resumes a half-finished earlier run.
  const [run, setRun] = useState(0);
  const start = (w: 'renew' | 'quota') => {
    setRun((r) => r + 1);
    setOpen(w);
  };
  return (
    <>
      <Button variant="contained" startIcon={<AutorenewIcon />} onClick={() => start('renew')} disabled={item.renewedById !== null}>
        Renew
      </Button>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={() => start('quota')}>
        Add quota
      </Button>
      <Button variant="outlined" startIcon={<CartIcon />} onClick={() => useRoute.getState().go({ page: 'purchase', tab: 'buy' })}>
        Buy
      </Button>
      {open === 'renew' && <RenewWizard key={run} items={[item]} open onClose={() => setOpen(null)} />}
      {open === 'quota' && <AddQuotaWizard key={run} item={item} open onClose={() => setOpen(null)} />}
    </>
  );
}
