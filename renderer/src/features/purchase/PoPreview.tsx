import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PoSettings } from '../../../../shared/domain/company';
import type { PoDraft } from '../../../../shared/domain/purchase-order';
import { call } from '../../api/client';
import { useRoute } from '../../app/route';

interface Props {
  draft: PoDraft | null;
  /** The stored PO the builder edits; null for a new one. */
  poId: number | null;
  hasCompany: boolean;
  settings: PoSettings;
  /** What must be filled in before the PDF can be made, in the Settings page's words. */
  companyHint: string;
}

/** How long typing must pause before the PDF is made again. */
const SETTLE_MS = 600;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

type Drawn = { state: 'drawing' } | { state: 'drawn'; pageCount: number } | { state: 'failed'; message: string };

/**
 * The first page of the PDF itself: the main side renders the draft with pdfmake (in a job worker,
 * exactly as "Generate" will), and pdf.js draws its first page here. White paper whatever the theme.
 */
export function PoPreview({ draft, poId, hasCompany, settings, companyHint }: Props) {
  const go = useRoute((s) => s.go);
  const settled = useSettled(draft ? JSON.stringify(draft) : null, SETTLE_MS);
  const pdf = useQuery({
    queryKey: ['po', 'preview', poId, settled],
    queryFn: () => call('po:previewPdf', { draft: JSON.parse(settled!) as PoDraft, id: poId }),
    enabled: hasCompany && settled !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
  });
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<Drawn>({ state: 'drawing' });

  useEffect(() => {
    const target = canvas.current;
    const box = frame.current;
    if (!pdf.data || !target || !box) return;
    const abort = new AbortController();
    setDrawn({ state: 'drawing' });
    // pdf.js is loaded only when a preview is first shown.
    import('./pdfjs')
      .then(({ renderFirstPage }) => renderFirstPage(bytesOf(pdf.data.pdfBase64), target, box.clientWidth, abort.signal))
      .then((r) => !abort.signal.aborted && setDrawn({ state: 'drawn', pageCount: r.pageCount }))
      .catch((err: unknown) => !abort.signal.aborted && setDrawn({ state: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => abort.abort();
  }, [pdf.data]);

  if (!hasCompany) {
    return (
      <Alert
        severity="info"
        action={
          <Button color="inherit" onClick={() => go({ page: 'settings' })}>
            Settings
          </Button>
        }
      >
        The PDF preview appears once the company profile is filled in: {companyHint}.
      </Alert>
    );
  }
  const number = pdf.data?.number;
  const busy = pdf.isFetching || drawn.state === 'drawing' || settled !== (draft ? JSON.stringify(draft) : null);
  return (
    <Box>
      <Box sx={{ height: 4, mb: 0.5 }}>{busy && pdf.data && <LinearProgress aria-label="Updating the preview" />}</Box>
      <Box
        ref={frame}
        sx={{ bgcolor: '#fff', border: '1px solid', borderColor: 'divider', boxShadow: 3, lineHeight: 0, aspectRatio: settings.pageSize === 'A4' ? '210 / 297' : '8.5 / 11', overflow: 'hidden' }}
      >
        <canvas ref={canvas} role="img" aria-label={number ? `First page of the PDF of purchase order ${number}` : 'First page of the PDF'} />
      </Box>
      <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 0.5 }} aria-live="polite">
        {pdf.error
          ? ''
          : drawn.state === 'drawn'
            ? `Page 1 of ${drawn.pageCount}${drawn.pageCount > 1 ? '; the table header repeats on every page' : ''}.`
            : draft
              ? 'Making the PDF…'
              : ''}
      </Typography>
      {!draft && <Alert severity="warning">Fix the marked fields to update the preview; it shows the last version that was complete.</Alert>}
      {pdf.error && <Alert severity="error">The preview could not be made: {(pdf.error as Error).message}</Alert>}
      {drawn.state === 'failed' && <Alert severity="error">The PDF was made but could not be drawn here: {drawn.message}</Alert>}
    </Box>
  );
}
