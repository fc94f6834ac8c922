import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BackupsSection } from '../backups';
import { AuditLogSettingsSection } from '../audit';
import { ReminderSettingsSection } from '../reminders';
import { CompanyProfileForm } from './CompanyProfileForm';
import { PoSettingsForm } from './PoSettingsForm';
import { ProductCatalogue } from './ProductCatalogue';
import { SaveFolderSection } from './SaveFolderSection';
import { StatusThresholds } from './StatusThresholds';

export function SettingsPage() {
  return (
    <Stack sx={{ p: 3, gap: 3, maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        Settings
      </Typography>
      <StatusThresholds />
      <Divider />
      <ReminderSettingsSection />
      <Divider />
      <ProductCatalogue />
      <Divider />
      <CompanyProfileForm />
      <Divider />
      <PoSettingsForm />
      <Divider />
      <BackupsSection />
      <SaveFolderSection divider={<Divider />} />
      <Divider />
      <AuditLogSettingsSection />
    </Stack>
  );
}
