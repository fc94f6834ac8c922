import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { formatQuota } from '../../../../../shared/domain/quota';
import type { ProjectUsage } from '../../../../../shared/domain/usage';
import { forecast, type Forecast } from '../../../../../shared/status/forecast';
import { queries } from '../../../api/queries';
import { count } from '../../../components/count';
import { formatDate } from '../../../components/dates';
import { ForecastChart } from '../../../components/ForecastChart';
import { VISUALLY_HIDDEN } from '../../../components/visually-hidden';
import { EMPTY_VALUE } from '../../../../../shared/domain/labels';

/** The forecast sentence's colour: red when over, amber when it runs out before expiry, muted otherwise. */
function tone(f: Forecast): string {
  if (f.status === 'over') return 'error.main';
  if (f.shortfall !== null) return 'warning.dark';
  return 'text.secondary';
}

function GroupRow({ usage, productName }: { usage: ProjectUsage; productName: string }) {
  const [open, setOpen] = useState(false);
  // Quota on one project is shared by its unexpired items, so the forecast is the project's, not one license's.
  const f = forecast({ readings: usage.readings, quotaAmount: usage.totalQuota, quotaMode: usage.quotaMode, expiresOn: usage.expiresOn });
  const name = `${productName} (${usage.quotaMode})`;
  return (
    <Fragment>
      <TableRow>
        <TableCell component="th" scope="row" sx={{ whiteSpace: 'normal' }}>
          {productName}
        </TableCell>
        <TableCell>
          {formatQuota(usage.totalQuota, usage.quotaMode)}
          <Typography variant="caption" color="textSecondary" component="div">
            {count(usage.itemCount, 'license')}
          </Typography>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{usage.expiresOn ? formatDate(usage.expiresOn) : EMPTY_VALUE}</TableCell>
        <TableCell sx={{ color: tone(f), whiteSpace: 'normal', minWidth: 180 }}>
          {/* Six rows saying how to get a forecast would drown the ones that have one: short here, whole on hover. */}
          {f.status === 'too-few-readings' ? (
            <Tooltip title={f.message}>
              <span tabIndex={0}>Too few usage readings to forecast</span>
            </Tooltip>
          ) : (
            f.message
          )}
        </TableCell>
        <TableCell padding="none" sx={{ pr: 1 }}>
          {usage.readings.length >= 2 && (
            <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={open ? `Hide the forecast chart for ${name}` : `Chart: the forecast for ${name}`}>
              {open ? 'Hide' : 'Chart'}
            </Button>
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={5}>
            <ForecastChart forecast={f} readings={usage.readings} quotaMode={usage.quotaMode} expiresOn={usage.expiresOn} label={`Projected usage of ${name} on project ${usage.handshakeCode}`} height={200} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

/** What a project holds now, per product and quota mode, and whether it lasts to expiry at the usage seen. */
export function ProjectQuota({ handshakeCode }: { handshakeCode: string }) {
  const usage = useQuery(queries.projectUsageGroups(handshakeCode));
  const products = useQuery(queries.products()).data ?? [];
  if (usage.isPending) return <Skeleton variant="rounded" height={36} sx={{ mb: 1.5 }} />;
  if (usage.isError)
    return (
      <Typography variant="body2" color="error" sx={{ mb: 1.5 }}>
        The project's quota could not be loaded: {usage.error.message}
      </Typography>
    );
  if (usage.data.length === 0) return null;
  const nameOf = (code: string) => products.find((p) => p.code === code)?.name ?? code;
  return (
    <Table size="small" aria-label={`Quota on ${handshakeCode}`} sx={{ mb: 1.5, '& th, & td': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>Product</TableCell>
          <TableCell>Quota now</TableCell>
          <TableCell>Until</TableCell>
          <TableCell>Forecast</TableCell>
          <TableCell padding="none">
            <Box component="span" sx={VISUALLY_HIDDEN}>
              Chart
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {usage.data.map((u) => (
          <GroupRow key={`${u.productCode}/${u.quotaMode}`} usage={u} productName={nameOf(u.productCode)} />
        ))}
      </TableBody>
    </Table>
  );
}
