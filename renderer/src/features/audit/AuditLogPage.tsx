import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useRoute, type AuditRouteQuery } from '../../app/route';
import { AuditExportMenu } from './components/AuditExportMenu';
import { AuditFilters } from './components/AuditFilters';
import { AuditTable } from './components/AuditTable';
import { DeletedLicenses, DeletedLicensesLink } from './components/DeletedLicenses';
import { VerifyButton, VerifyResult, useVerifyAudit } from './components/VerifyAudit';
import { auditQueries } from './queries';

const PAGE_SIZES = [25, 50, 100];

/**
 * Every change and key reveal, newest first, filtered by item, kind and days (in the route), with
 * the check of the whole chain and its export.
 */
export function AuditLogPage({ query }: { query: AuditRouteQuery }) {
  const { go, replace } = useRoute();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const [error, setError] = useState<string | null>(null);
  const check = useVerifyAudit();
  const filter = {
    ...(query.licenseId !== null ? { licenseId: query.licenseId } : {}),
    ...(query.itemId !== null ? { itemId: query.itemId } : {}),
    ...(query.kind !== null ? { kind: query.kind } : {}),
    ...(query.from !== null ? { from: query.from } : {}),
    ...(query.to !== null ? { to: query.to } : {}),
  };
  const list = useQuery({ ...auditQueries.list({ ...filter, offset: page * pageSize, limit: pageSize }), placeholderData: keepPreviousData });
  const set = (patch: Partial<AuditRouteQuery>) => {
    setPage(0);
    replace({ page: 'audit', query: { ...query, ...patch } });
  };
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1400 }}>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component="button" type="button" variant="body2" onClick={() => go({ page: 'settings' })}>
          Settings
        </Link>
        <Typography variant="body2" color="textPrimary">
          Audit log
        </Typography>
      </Breadcrumbs>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Audit log
        </Typography>
        <DeletedLicensesLink />
        <VerifyButton running={check.running} onClick={() => void check.verify()} />
        <AuditExportMenu onError={setError} />
      </Stack>
      <Typography variant="body2" color="textSecondary" sx={{ maxWidth: 820 }}>
        Every change made in License Desk and every key shown, with who and when. Each entry is chained to the one before it, so an entry changed or removed outside the app is found
        by Verify. Entries name what changed, never a key.
      </Typography>
      <VerifyResult result={check.result} error={check.error} onClose={check.clear} />
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <AuditFilters key={`${query.itemId ?? ''}`} query={query} onChange={set} />
      {list.isPending && <Skeleton variant="rounded" height={200} />}
      {list.isError && <Alert severity="error">Could not load the audit log: {list.error.message}</Alert>}
      {list.data && list.data.total === 0 && <Alert severity="info">{filtered ? 'No entry matches these filters.' : 'No entries yet: changes will be recorded here as they are made.'}</Alert>}
      {list.data && list.data.total > 0 && (
        <Box>
          <AuditTable entries={list.data.entries} label="Audit log entries" />
          <TablePagination
            component="div"
            count={list.data.total}
            page={page}
            onPageChange={(_e, p) => setPage(p)}
            rowsPerPage={pageSize}
            rowsPerPageOptions={PAGE_SIZES}
            onRowsPerPageChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
            labelRowsPerPage="Entries per page"
          />
        </Box>
      )}
      <DeletedLicenses />
    </Stack>
  );
}
