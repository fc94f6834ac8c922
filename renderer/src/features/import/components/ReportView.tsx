import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { ImportReport } from '../../../../../shared/domain/import';
import { ImportCounts } from './ImportCounts';
import { RejectionList } from './RejectionList';

/** What a commit did, in the words main chose, with the counts and the rows it left out. */
export function ReportView({ report, lateCancel = false }: { report: ImportReport; lateCancel?: boolean }) {
  const severity = !report.written ? 'warning' : report.counts.rejected > 0 ? 'info' : 'success';
  return (
    <Stack sx={{ gap: 2 }}>
      <Alert severity={severity} role="status">
        {report.message}
        {!report.written && ' Nothing was written.'}
      </Alert>
      {lateCancel && report.written && (
        <Alert severity="info">Cancel came too late: the import had already been written when it arrived, so what is counted below is recorded.</Alert>
      )}
      <ImportCounts counts={report.counts} variant="report" label="Import result" />
      <RejectionList rejections={report.rejections} />
    </Stack>
  );
}
