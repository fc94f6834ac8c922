import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type DragEvent } from 'react';
import type { ImportPreview } from '../../../../../shared/domain/import';
import { useFileImport } from '../store';
import { TARGET_FIELD_LABELS, count, validRows } from '../labels';
import { FilePicker } from './FilePicker';
import { ImportCounts } from './ImportCounts';
import { ImportProgress } from './ImportProgress';
import { MappingStep } from './MappingStep';
import { PreviewTable } from './PreviewTable';
import { RejectionList } from './RejectionList';
import { ReportView } from './ReportView';

const BUSY_LABEL = { reading: 'Reading the file', preview: 'Checking the rows', commit: 'Importing' } as const;

/** Choose a CSV or JSON file, map its columns, see what would change, then import (actions are in the dialog footer). */
export function FilePanel() {
  const source = useFileImport((s) => s.source);
  const preview = useFileImport((s) => s.preview);
  const mapping = useFileImport((s) => s.mapping);
  const report = useFileImport((s) => s.report);
  const busy = useFileImport((s) => s.busy);
  const error = useFileImport((s) => s.error);
  const job = useFileImport((s) => s.job);
  const cancelling = useFileImport((s) => s.cancelling);
  const lateCancel = useFileImport((s) => s.lateCancel);
  const { chooseFile, setMapping, cancel } = useFileImport.getState();
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void chooseFile(file);
  };
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop,
  };

  if (!source && !busy) {
    return (
      <Stack sx={{ gap: 2 }}>
        {error && (
          <Alert severity={error.severity} role="alert">
            {error.message}
          </Alert>
        )}
        <Stack
          {...dropProps}
          sx={{ alignItems: 'center', gap: 1.5, py: 6, px: 3, border: 2, borderStyle: 'dashed', borderRadius: 2, textAlign: 'center',
            borderColor: dragging ? 'primary.main' : 'divider', bgcolor: dragging ? 'action.hover' : 'transparent' }}
        >
          <DescriptionIcon sx={{ fontSize: 40, color: 'text.secondary' }} aria-hidden />
          <Typography>Import the Full License list exported from the Dynamsoft Customer Portal (CSV), or a License Desk export (CSV or JSON).</Typography>
          <Typography variant="body2" color="textSecondary">
            You will see what would change before anything is written. Drop the file here, or:
          </Typography>
          <FilePicker label="Choose file…" variant="contained" onFile={(f) => void chooseFile(f)} />
        </Stack>
      </Stack>
    );
  }

  const rejected = preview?.counts.rejected ?? 0;
  const valid = preview ? validRows(preview.counts) : 0;

  return (
    <Stack sx={{ gap: 2 }} {...dropProps}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap', position: 'relative' }}>
        <DescriptionIcon color="action" aria-hidden />
        <Typography sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
          {source?.fileName ?? '…'}
        </Typography>
        {source && <Chip size="small" variant="outlined" label={source.format.toUpperCase()} />}
        <Box sx={{ flexGrow: 1 }} />
        <FilePicker label="Choose another file…" variant="outlined" onFile={(f) => void chooseFile(f)} />
        {/* Overlaid under the file name so re-previewing after each mapping change does not shift the layout. */}
        {busy && busy !== 'commit' && <LinearProgress aria-label={BUSY_LABEL[busy]} sx={{ position: 'absolute', left: 0, right: 0, bottom: -10 }} />}
      </Stack>
      {error && (
        <Alert severity={error.severity} role="alert">
          {error.message}
        </Alert>
      )}
      {busy === 'commit' && <ImportProgress job={job} cancelling={cancelling} onCancel={cancel} />}
      {report ? (
        <ReportView report={report} lateCancel={lateCancel} />
      ) : (
        preview &&
        mapping && (
          <>
            <ImportCounts counts={preview.counts} variant="preview" label="What this file would do" />
            {preview.missingRequired.length > 0 && (
              <Alert severity="error" role="alert">
                No column is mapped to {preview.missingRequired.map((f) => TARGET_FIELD_LABELS[f]).join(', ')}. Choose one below; until then nothing can be imported.
              </Alert>
            )}
            {rejected > 0 && preview.missingRequired.length === 0 && (
              <Alert severity="warning">
                {count(rejected, 'row')} cannot be imported (listed below). <strong>Nothing will be imported while rows are rejected.</strong> Correct
                the file and choose it again, or import the {count(valid, 'valid row')} only and leave the rejected ones out.
              </Alert>
            )}
            {rejected === 0 && preview.missingRequired.length === 0 && preview.counts.read > 0 && <ReadyNote preview={preview} />}
            <RejectionList rejections={preview.rejections} />
            <MappingStep headers={preview.headers} mapping={mapping} disabled={busy === 'commit'} onChange={setMapping} />
            <PreviewTable preview={preview} />
          </>
        )
      )}
    </Stack>
  );
}

function ReadyNote({ preview }: { preview: ImportPreview }) {
  const { imported, updated, skipped } = preview.counts;
  if (imported + updated === 0) {
    return <Alert severity="info">All {count(skipped, 'row')} are already recorded as they are: importing would change nothing.</Alert>;
  }
  const parts = [imported > 0 && `${count(imported, 'new item')}`, updated > 0 && `${count(updated, 'update')}`].filter(Boolean).join(' and ');
  return (
    <Alert severity="success">
      Ready to import {parts}
      {skipped > 0 ? ` (${skipped.toLocaleString()} unchanged)` : ''}. Nothing is written until you choose Import.
    </Alert>
  );
}
