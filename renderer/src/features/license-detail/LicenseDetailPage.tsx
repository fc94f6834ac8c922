import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { write } from '../../api/mutations';
import { isNotFound, queries } from '../../api/queries';
import { localIsoDate, useNow } from '../../components/useNow';
import { LicenseFormDialog } from '../licenses';
import { FulfilmentOffer, LicenseForecast, Lineage, RenewActions } from '../renew';
import { useRoute } from '../../app/route';
import { BackLink, DetailHeader } from './components/DetailHeader';
import { DeleteLicenseDialog } from './components/DeleteLicenseDialog';
import { DetailsSection } from './components/DetailsSection';
import { DrawOrderSection } from './components/DrawOrderSection';
import { LicenseAuditSection } from '../audit';
import { HistorySection } from './components/HistorySection';
import { ProjectSection } from './components/ProjectSection';
import { Section } from './components/Section';
import { UsageSection } from './components/UsageSection';
import { LicensePurchases } from '../purchase';
import { loadable } from './loadable';

type Notice = { message: string; severity: 'success' | 'error' };

/** One license item: every field, its key, usage, the project's draw order and its history. */
export function LicenseDetailPage({ id }: { id: number }) {
  const now = useNow();
  // Each part has its own entry keyed by the id, so nothing of a previously viewed item can show here.
  const itemQuery = useQuery(queries.license(id));
  const item = isNotFound(itemQuery.error) ? ({ state: 'missing' } as const) : loadable(itemQuery);
  const usage = loadable(useQuery(queries.usage(id)));
  const drawOrder = loadable(useQuery(queries.drawOrder(id)));
  const history = loadable(useQuery(queries.history(id)));
  const projectCode = itemQuery.data?.projectCode ?? null;
  const project = loadable(useQuery({ ...queries.projectByCode(projectCode), enabled: itemQuery.data !== undefined }));
  const products = useQuery(queries.products()).data ?? [];
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<Notice>({ message: '', severity: 'success' });
  const [noticeOpen, setNoticeOpen] = useState(false);
  const notify = (message: string, severity: Notice['severity'] = 'success') => {
    setNotice({ message, severity });
    setNoticeOpen(true);
  };

  if (item.state === 'missing') {
    return (
      <Stack sx={{ p: 3, gap: 2, maxWidth: 640 }}>
        <BackLink />
        <Typography variant="h5" component="h1">
          License not found
        </Typography>
        <Alert severity="warning">This license no longer exists. It may have been deleted, or the link is out of date.</Alert>
      </Stack>
    );
  }
  if (item.state === 'error') {
    return (
      <Stack sx={{ p: 3, gap: 2, maxWidth: 640 }}>
        <BackLink />
        <Typography variant="h5" component="h1">
          License
        </Typography>
        <Alert severity="error" action={<Button onClick={() => void itemQuery.refetch()}>Try again</Button>}>
          Could not load this license: {item.message}
        </Alert>
      </Stack>
    );
  }
  if (item.state === 'loading') {
    return (
      <Stack sx={{ p: 3, gap: 2 }} aria-busy="true">
        <BackLink />
        <Typography variant="h5" component="h1">
          <Skeleton width={360} />
        </Typography>
        <Skeleton variant="rounded" height={72} />
        <Skeleton variant="rounded" height={320} />
      </Stack>
    );
  }

  const license = item.value;
  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1400 }}>
      <DetailHeader item={license} now={now} onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} actions={<RenewActions item={license} />} />
      <FulfilmentOffer item={license} />
      <DeleteLicenseDialog
        item={license}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          useRoute.getState().go(useRoute.getState().lastList);
        }}
      />
      <DetailsSection item={license} now={now} />
      <ProjectSection info={project} notify={notify} />
      <UsageSection
        item={license}
        usage={usage}
        today={localIsoDate(now)}
        onAdd={async (takenOn, used, confirmed) => {
          await write('usage:add', { licenseId: id, takenOn, used, confirmed });
          notify('Usage recorded');
        }}
      />
      <Section title="Quota forecast">
        <LicenseForecast item={license} />
      </Section>
      <Section title="Renewals and orders">
        <Lineage item={license} />
      </Section>
      <DrawOrderSection item={license} drawOrder={drawOrder} now={now} />
      <Section title="Purchases">
        <LicensePurchases licenseId={license.id} orderId={license.orderId} />
      </Section>
      <HistorySection history={history} />
      <Section title="Audit log">
        <LicenseAuditSection licenseId={license.id} />
      </Section>
      <LicenseFormDialog
        open={editing}
        initial={license}
        products={products}
        onClose={() => setEditing(false)}
        onSubmit={async (fields) => {
          await write('licenses:update', { id, fields });
          notify('Changes saved');
        }}
      />
      <Snackbar open={noticeOpen} autoHideDuration={4000} onClose={() => setNoticeOpen(false)}>
        <Alert severity={notice.severity} variant="filled" onClose={() => setNoticeOpen(false)} sx={{ width: '100%' }}>
          {notice.message}
        </Alert>
      </Snackbar>
    </Stack>
  );
}
