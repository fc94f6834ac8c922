import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../../shared/ipc/events';
import { call, onJobProgress } from '../../api/client';
import { write } from '../../api/mutations';
import type { PurchaseOrder } from '../../../../shared/domain/purchase-order';
import { formatDateTime } from '../../components/dates';

interface Props {
  po: PurchaseOrder;
  /** Saves the form first when it has changes; false when it could not (its fields say why). */
  saveFirst(): Promise<boolean>;
  canPrint: boolean;
}

type Note = { severity: 'success' | 'info' | 'error'; text: string } | null;

/** The PDF build of this PO as the job worker reports it (main's job:progress events), while it runs. */
function useBuildProgress(number: string): JobProgress | null {
  const [job, setJob] = useState<JobProgress | null>(null);
  useEffect(
    () =>
      onJobProgress((p) => {
        if (p.kind === 'document' && p.ref === number) setJob(p.state === 'running' || p.state === 'waiting' ? p : null);
      }),
    [number],
  );
  return job;
}

/** Generate the PDF and .eml, open the draft (or the mailto: fallback), mark the PO sent. */
export function PoActions({ po, saveFirst, canPrint }: Props) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const build = useBuildProgress(po.number);

  const run = async (fn: () => Promise<Note>) => {
    setBusy(true);
    try {
      setNote(await fn());
    } catch (err) {
      setNote({ severity: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const generate = () =>
    run(async () => {
      if (!(await saveFirst())) return { severity: 'error', text: 'Fix the marked fields first; nothing was generated.' };
      const r = await write('po:generate', { id: po.id });
      return r.saved ? { severity: 'success', text: `Saved ${r.pdfFile} and ${r.emlFile}.` } : { severity: 'info', text: 'Nothing was saved.' };
    });
  const openEmail = () =>
    run(async () => {
      await call('po:openEmail', { id: po.id });
      return { severity: 'info', text: 'The e-mail draft opens in your mail app; send it from there, then mark the PO as sent.' };
    });
  const mailto = () =>
    run(async () => {
      const r = await call('po:openMailto', { id: po.id });
      return r.opened
        ? { severity: 'info', text: `A new message to sales opens with the summary filled in. Attach ${r.pdfFile} (shown in its folder), send it, then mark the PO as sent.` }
        : { severity: 'error', text: 'The mail link was refused by the link allowlist; open the .eml instead.' };
    });
  const reveal = () =>
    run(async () => {
      await call('po:revealPdf', { id: po.id });
      return null;
    });
  const markSent = () =>
    run(async () => {
      const sent = await write('po:markSent', { id: po.id });
      return { severity: 'success', text: `Marked as sent at ${sent.sentAt ? formatDateTime(sent.sentAt) : ''}.${sent.sourceOrderId ? ` Order #${sent.sourceOrderId} is now Sent too.` : ''}` };
    });
  const cancel = () =>
    run(async () => {
      await write('po:cancel', { id: po.id });
      return { severity: 'info', text: `${po.number} is cancelled. Its number will not be used again.` };
    });

  const hasDocs = po.documents !== null;
  const open = po.status !== 'cancelled';
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={generate} disabled={busy || !open || !canPrint}>
          Generate PDF and e-mail
        </Button>
        <Button variant="outlined" onClick={openEmail} disabled={busy || !hasDocs}>
          Open e-mail draft
        </Button>
        <Button variant="outlined" onClick={mailto} disabled={busy || !hasDocs}>
          Send with mail link instead
        </Button>
        <Button onClick={reveal} disabled={busy || !hasDocs}>
          Show PDF in folder
        </Button>
        <Button variant="outlined" color="success" onClick={markSent} disabled={busy || po.status !== 'draft'}>
          Mark as sent
        </Button>
        <Button color="error" onClick={cancel} disabled={busy || !open}>
          Cancel PO
        </Button>
      </Stack>
      {build && (
        <Stack sx={{ gap: 0.5 }}>
          <LinearProgress variant={build.total ? 'determinate' : 'indeterminate'} value={build.total ? (100 * build.done) / build.total : undefined} aria-label={`Making the PDF of ${po.number}`} />
          <Typography variant="caption" color="textSecondary">
            {build.phase === 'attaching' ? 'Attaching the PDF to the e-mail draft…' : build.phase === 'rendering' ? `Laying out the PDF… ${build.total ? Math.round((100 * build.done) / build.total) : 0} %` : 'Starting…'}
          </Typography>
        </Stack>
      )}
      {note && (
        <Alert severity={note.severity} onClose={() => setNote(null)}>
          {note.text}
        </Alert>
      )}
    </Stack>
  );
}
