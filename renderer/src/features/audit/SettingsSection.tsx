import HistoryIcon from '@mui/icons-material/ManageHistory';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { auditRoute, useRoute } from '../../app/route';

/** Settings' way to the audit log. */
export function AuditLogSettingsSection() {
  const go = useRoute((s) => s.go);
  return (
    <Stack component="section" aria-labelledby="audit-settings-heading" sx={{ gap: 1, alignItems: 'flex-start' }}>
      <Typography id="audit-settings-heading" variant="h6" component="h2">
        Audit log
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Every change and every key shown, chained so that tampering is found. Verify it, filter it by license, kind and date, or export it.
      </Typography>
      <Button variant="outlined" startIcon={<HistoryIcon />} onClick={() => go(auditRoute())}>
        Open the audit log
      </Button>
    </Stack>
  );
}
