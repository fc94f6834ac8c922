import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { licensesRoute, useRoute } from '../../../app/route';

/** First run: nothing to summarise yet, so point at the one place licenses are added. */
export function EmptyDashboard() {
  const go = useRoute((s) => s.go);
  return (
    <Paper variant="outlined" sx={{ p: 5, display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 1.5, maxWidth: 560, mx: 'auto', mt: 4 }}>
      <KeyIcon sx={{ fontSize: 48, color: 'primary.main' }} aria-hidden />
      <Typography variant="h6" component="h2">
        No licenses recorded yet
      </Typography>
      <Typography color="textSecondary">
        Add your Dynamsoft license items by hand or import them from the Customer Portal. The dashboard then shows what expires next, which quotas run
        low and when renewals fall due.
      </Typography>
      <Button variant="contained" onClick={() => go(licensesRoute())} sx={{ mt: 1 }}>
        Go to Licenses
      </Button>
    </Paper>
  );
}
