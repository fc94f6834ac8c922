import { routeHash, useRoute } from '../../../app/route';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { Countdown } from '../../../components/Countdown';
import { QuotaBar } from '../../../components/QuotaBar';
import { StatusChip } from '../../../components/StatusChip';
import { CalendarExportButton } from '../../reminders';
import { MONO_FONT } from '../styles';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';
import { formatDate } from '../../../components/dates';

export function BackLink() {
  const list = useRoute((s) => s.lastList);
  return (
    <Link href={routeHash(list)} underline="hover" variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, alignSelf: 'flex-start' }}>
      <ArrowBackIcon sx={{ fontSize: 16 }} aria-hidden />
      Back to licenses
    </Link>
  );
}

function Figure({ label, children, width }: { label: string; children: ReactNode; width?: number }) {
  return (
    <Box sx={{ minWidth: width }}>
      <Typography variant="caption" color="textSecondary" component="div" sx={{ lineHeight: 1.4 }}>
        {label}
      </Typography>
      {children}
    </Box>
  );
}

/** Who the item is and how it stands today: the figures people come to this page for. */
export function DetailHeader({ item, now, onEdit, onDelete, actions }: { item: LicenseItem; now: Date; onEdit(): void; onDelete(): void; actions?: ReactNode }) {
  return (
    <Stack sx={{ gap: 1 }}>
      <BackLink />
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flexGrow: 1, minWidth: 260 }}>
          <Typography variant="h5" component="h1" sx={{ lineHeight: 1.25 }}>
            {item.productName}
            {item.edition && (
              <Typography component="span" variant="h5" color="textSecondary" sx={{ fontWeight: 400 }}>
                {' · '}
                {item.edition}
              </Typography>
            )}
          </Typography>
          <Typography variant="body2" color="textSecondary" sx={{ mt: 0.25 }}>
            Item{' '}
            <Box component="span" sx={{ fontFamily: MONO_FONT, color: 'text.primary' }}>
              {item.itemId}
            </Box>
            {item.alias && ` · ${item.alias}`}
            {item.version && ` · version ${item.version}`}
          </Typography>
        </Box>
        <Stack direction="row" sx={{ gap: 1, flexShrink: 0, flexWrap: 'wrap' }}>
          {actions}
          {item.expiresOn && item.renewedById === null && <CalendarExportButton target={{ scope: 'license', licenseId: item.id }} />}
          <Button variant="outlined" startIcon={<EditIcon />} onClick={onEdit}>
            Edit
          </Button>
          <Button color="error" startIcon={<DeleteIcon />} onClick={onDelete}>
            Delete
          </Button>
        </Stack>
      </Stack>
      <Stack direction="row" sx={{ gap: 4, alignItems: 'flex-start', flexWrap: 'wrap', mt: 0.5 }}>
        <Figure label="Status">
          <StatusChip item={item} now={now} />
        </Figure>
        <Figure label="Time left">
          <Box sx={{ lineHeight: '24px' }}>
            <Countdown item={item} now={now} />
          </Box>
        </Figure>
        {item.term === 'lifetime' ? (
          <Figure label="Maintenance until">
            <Typography variant="body2" sx={{ lineHeight: '24px' }}>
              {item.maintenanceExpiresOn ? formatDate(item.maintenanceExpiresOn) : EMPTY_VALUE}
            </Typography>
          </Figure>
        ) : (
          <Figure label="Expires">
            <Typography variant="body2" sx={{ lineHeight: '24px' }}>
              {item.expiresOn ? formatDate(item.expiresOn) : 'Not set'}
            </Typography>
          </Figure>
        )}
        <Figure label="Quota used" width={200}>
          <QuotaBar item={item} />
        </Figure>
      </Stack>
    </Stack>
  );
}
