import EventIcon from '@mui/icons-material/EventOutlined';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import SpeedIcon from '@mui/icons-material/SpeedOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { Reminder, ReminderKind, SnoozeChoice } from '../../../../../shared/domain/reminders';
import { formatDate } from '../../../components/dates';

const ICONS: Record<ReminderKind, ReactNode> = {
  'order-by': <EventIcon color="primary" />,
  late: <WarningIcon color="error" />,
  expiry: <WarningIcon color="error" />,
  'quota-80': <SpeedIcon color="warning" />,
  'quota-100': <SpeedIcon color="error" />,
  'quota-forecast': <SpeedIcon color="warning" />,
  'order-follow-up': <ReceiptIcon color="primary" />,
};

/** What "Open" does, in words a screen reader says: the renew wizard, the order or the license. */
function openLabel(r: Reminder, name: string): string {
  if (r.target.kind === 'renew') return `Renew ${name}, item ${r.itemId}`;
  if (r.target.kind === 'order') return `Open order #${r.target.orderId} for ${name}`;
  return `Open ${name}, item ${r.itemId}`;
}

/** One reminder: what it says, which license, and what to do about it. */
export function ReminderRow({ reminder: r, busy, onOpen, onDismiss, onSnooze }: { reminder: Reminder; busy: boolean; onOpen(): void; onDismiss(): void; onSnooze(choice: SnoozeChoice): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const name = `${r.product}${r.alias ? ` (${r.alias})` : ''}`;
  const snooze = (choice: SnoozeChoice) => {
    setAnchor(null);
    onSnooze(choice);
  };
  return (
    <Stack component="li" direction="row" aria-label={`${r.title}: ${name}`} sx={{ gap: 1.5, py: 1.25, px: 2, alignItems: 'flex-start', '& + &': { borderTop: 1, borderColor: 'divider' } }}>
      <Box sx={{ pt: 0.25 }} aria-hidden>
        {ICONS[r.kind]}
      </Box>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" component="p">
          {r.title}
        </Typography>
        <Typography variant="body2">
          {name}
          <Typography component="span" variant="body2" color="textSecondary">
            {` · item ${r.itemId}${r.projectCode ? ` · ${r.projectCode}` : ''}`}
          </Typography>
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {r.detail}
        </Typography>
      </Box>
      <Stack direction="row" sx={{ gap: 0.5, flexShrink: 0, alignItems: 'center' }}>
        <Button size="small" variant="outlined" onClick={onOpen} aria-label={openLabel(r, name)}>
          {r.target.kind === 'renew' ? 'Renew…' : r.target.kind === 'order' ? 'Open order' : 'Open'}
        </Button>
        <Button size="small" disabled={busy} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={anchor ? 'true' : undefined} aria-label={`Snooze ${r.title}: ${name}`}>
          Snooze
        </Button>
        <Button size="small" disabled={busy} onClick={onDismiss} aria-label={`Dismiss ${r.title}: ${name}`}>
          Dismiss
        </Button>
      </Stack>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => snooze('day')}>For a day</MenuItem>
        <MenuItem onClick={() => snooze('week')}>For a week</MenuItem>
        <MenuItem disabled={!r.nextOn} onClick={() => snooze('next')}>
          {r.nextOn ? `Until the next reminder (${formatDate(r.nextOn)})` : 'Until the next reminder (this is the last)'}
        </MenuItem>
      </Menu>
    </Stack>
  );
}
