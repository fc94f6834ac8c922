import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useRoute, type Route } from '../../app/route';
import { PoList } from './PoList';
import { PurchaseHistory } from './PurchaseHistory';
import { WaysToBuy } from './WaysToBuy';

type PurchaseTab = Extract<Route, { page: 'purchase' }>['tab'];

const TABS: { value: PurchaseTab; label: string }[] = [
  { value: 'buy', label: 'Ways to buy' },
  { value: 'orders', label: 'Purchase orders' },
  { value: 'history', label: 'Purchase history' },
];

export function PurchasePage({ tab }: { tab: PurchaseTab }) {
  const go = useRoute((s) => s.go);
  return (
    <Box sx={{ p: 3, maxWidth: 1300 }}>
      <Typography variant="h5" component="h1">
        Purchase
      </Typography>
      <Tabs value={tab} onChange={(_, v: PurchaseTab) => go({ page: 'purchase', tab: v })} aria-label="Purchase sections" sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} label={t.label} id={`purchase-tab-${t.value}`} aria-controls={`purchase-panel-${t.value}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`purchase-panel-${tab}`} aria-labelledby={`purchase-tab-${tab}`}>
        {tab === 'buy' && <WaysToBuy />}
        {tab === 'orders' && <PoList />}
        {tab === 'history' && <PurchaseHistory />}
      </Box>
    </Box>
  );
}
