import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { LicenseItem } from '../../../../shared/domain/license';
import { ORDER_KIND_LABELS, ORDER_STATE_LABELS } from '../../../../shared/domain/order';
import { formatQuota } from '../../../../shared/domain/quota';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { formatDate } from '../../components/dates';

function ChainItem({ id, itemId, expiresOn, self }: { id: number; itemId: string; expiresOn: string | null; self?: boolean }) {
  return (
    <Box sx={{ px: 1.25, py: 0.75, border: 1, borderColor: self ? 'primary.main' : 'divider', borderRadius: 1, minWidth: 140 }}>
      {self ? (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          Item {itemId} (this one)
        </Typography>
      ) : (
        <Link href={`#/licenses/${id}`} variant="body2">
          Item {itemId}
        </Link>
      )}
      <Typography variant="caption" color="textSecondary" component="div">
        {expiresOn ? `until ${formatDate(expiresOn)}` : 'no end date'}
      </Typography>
    </Box>
  );
}

/**
 * For a license that has just arrived (pasted, imported or typed): the open order lines it may fulfil,
 * each with a button that links it. Shown at the top of the detail page.
 */
export function FulfilmentOffer({ item }: { item: LicenseItem }) {
  const candidates = useQuery(queries.candidates(item.id));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const link = async (orderId: number, lineId: number) => {
    setBusy(true);
    setError('');
    try {
      await write('orders:fulfil', { orderId, lineId, licenseId: item.id });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (!candidates.data?.length && !error) return null;
  return (
    <Stack sx={{ gap: 1 }} role="region" aria-label="Pending orders">
      {candidates.data?.map((c) => (
        <Alert
          key={c.lineId}
          severity="info"
          action={
            c.state === 'sent' ? (
              <Button color="inherit" size="small" disabled={busy} onClick={() => void link(c.orderId, c.lineId)}>
                Link to order #{c.orderId}
              </Button>
            ) : undefined
          }
        >
          This license may be the one ordered in order #{c.orderId}: {ORDER_KIND_LABELS[c.kind].toLowerCase()}
          {c.sourceItemId ? ` of item ${c.sourceItemId}` : ''}, {formatQuota(c.quantity, item.quotaMode)}
          {c.quantityMatches ? '' : ' (a different quantity)'}.
          {c.state !== 'sent' && ` The order is still a ${ORDER_STATE_LABELS[c.state].toLowerCase()}: mark it as sent on the Orders page to link it.`}
        </Alert>
      ))}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** The renewal chain old → new around this license, and its orders. */
export function Lineage({ item }: { item: LicenseItem }) {
  const lineage = useQuery(queries.lineage(item.id));
  const l = lineage.data;
  const chain = l && (l.previous.length > 0 || l.next.length > 0);
  const expiresOn = item.term === 'lifetime' ? item.maintenanceExpiresOn : item.expiresOn;
  return (
    <Stack sx={{ gap: 1.5 }}>
      {chain ? (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }} aria-label="Renewal chain">
          {l.previous.map((p) => (
            <Stack key={p.id} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <ChainItem {...p} />
              <Typography aria-hidden>→</Typography>
            </Stack>
          ))}
          <ChainItem id={item.id} itemId={item.itemId} expiresOn={expiresOn} self />
          {l.next.map((n) => (
            <Stack key={n.id} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <Typography aria-hidden>→</Typography>
              <ChainItem {...n} />
            </Stack>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not renewed, and not a renewal of another license.
        </Typography>
      )}
      {item.renewedById !== null && (
        <Typography variant="body2" color="textSecondary">
          Renewed: this license stays valid until its own expiry and is drawn on first; the renewal takes over after it.
        </Typography>
      )}
      {l && l.orders.length > 0 && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography variant="body2" color="textSecondary">
            Orders:
          </Typography>
          {l.orders.map((o) => (
            <Chip
              key={o.id}
              component="a"
              href={`#/orders?order=${o.id}`}
              clickable
              size="small"
              label={`#${o.id} ${ORDER_KIND_LABELS[o.kind]} · ${ORDER_STATE_LABELS[o.state]}${o.role === 'fulfilment' ? ' · arrived as this license' : ''}`}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
