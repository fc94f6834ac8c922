import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { JobProgress } from '../../../../../shared/ipc/events';

const PHASES: Record<string, string> = {
  waiting: 'Waiting for the current import to finish',
  starting: 'Starting',
  reading: 'Reading the file',
  checking: 'Checking rows',
  writing: 'Writing rows',
  indexing: 'Updating the search index',
  finishing: 'Finishing',
  done: 'Done',
};

/** "Writing rows: 45,000 of 100,000 · 12,300 rows/s", or the waiting message while another write runs. */
export function progressText(job: JobProgress | null): string {
  if (!job) return 'Starting';
  if (job.state === 'waiting') return job.message ?? PHASES.waiting!;
  const phase = PHASES[job.phase] ?? job.phase;
  const counts = job.total !== null && job.total > 0 ? `: ${job.done.toLocaleString()} of ${job.total.toLocaleString()}` : '';
  const rate = job.rate !== null ? ` · ${job.rate.toLocaleString()} rows/s` : '';
  return `${phase}${counts}${rate}`;
}

/** The phase's share done, or null while the size is not known (the bar then runs indeterminate). */
export function progressPercent(job: JobProgress | null): number | null {
  if (!job || job.total === null || job.total === 0 || job.state === 'waiting') return null;
  return Math.min(100, Math.round((job.done / job.total) * 100));
}

/** A determinate bar for the running import with its phase, rows per second and a Cancel button. */
export function ImportProgress({ job, cancelling, onCancel }: { job: JobProgress | null; cancelling: boolean; onCancel(): void }) {
  const percent = progressPercent(job);
  const text = progressText(job);
  return (
    <Stack sx={{ gap: 1, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }} aria-live="polite">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="body2" sx={{ flexGrow: 1 }} data-testid="import-progress-text">
          {cancelling ? 'Cancelling: nothing will be written' : text}
        </Typography>
        <Button size="small" color="inherit" variant="outlined" onClick={onCancel} disabled={cancelling}>
          Cancel import
        </Button>
      </Stack>
      <LinearProgress aria-label="Import progress" aria-valuetext={text} variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} />
    </Stack>
  );
}
