import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { ImportReport } from '../../../../../shared/domain/import';
import { ImportCounts } from './ImportCounts';
import { RejectionList } from './RejectionList';

/** What a commit did, in the words main chose, with the counts and the rows it left out. */
export function ReportView({ report }: { report: ImportReport }) {
  const severity = !report.written ? 'warning' : report.counts.rejected > 0 ? 'info' : 'success';
  return (
    <Stack sx={{ gap: 2 }}>
      <Alert severity={severity} role="status">
        {report.message}
        {!report.written && ' Nothing was written.'}
      </Alert>
      <ImportCounts counts={report.counts} variant="report" label="Import result" />
      <RejectionList rejections={report.rejections} />
    </Stack>
  );
}
