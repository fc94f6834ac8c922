import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../../api/queries';
import { RenewWizard } from '../../renew';

/**
 * An order-by reminder's "Open": the renew wizard for its license, over the notifications page. Once the
 * order is recorded the license is in progress and the reminder gives way to the order's follow-up.
 */
export function RenewFromReminder({ licenseId, onClose }: { licenseId: number; onClose(): void }) {
  const { data, error } = useQuery(queries.license(licenseId));
  if (error)
    return (
      <Snackbar open autoHideDuration={8000} onClose={onClose}>
        <Alert severity="error" onClose={onClose}>
          {error.message}
        </Alert>
      </Snackbar>
    );
  return data ? <RenewWizard items={[data]} open onClose={onClose} /> : null;
}
