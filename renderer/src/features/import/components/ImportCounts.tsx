import Box from '@mui/material/Box';
import type { ImportCounts as Counts } from '../../../../../shared/domain/import';

type Tone = 'text.primary' | 'success.main' | 'info.main' | 'text.secondary' | 'error.main';

const PREVIEW: { key: keyof Counts; label: string; tone: Tone }[] = [
  { key: 'read', label: 'Rows read', tone: 'text.primary' },
  { key: 'imported', label: 'New', tone: 'success.main' },
  { key: 'updated', label: 'Updates', tone: 'info.main' },
  { key: 'skipped', label: 'Unchanged', tone: 'text.secondary' },
  { key: 'rejected', label: 'Rejected', tone: 'error.main' },
];

const REPORT: typeof PREVIEW = [
  { key: 'imported', label: 'Imported', tone: 'success.main' },
  { key: 'updated', label: 'Updated', tone: 'info.main' },
  { key: 'skipped', label: 'Skipped as duplicates', tone: 'text.secondary' },
  { key: 'rejected', label: 'Rejected', tone: 'error.main' },
];

/** The row counts as a definition list: what a file would do (preview) or did (report). */
export function ImportCounts({ counts, variant, label }: { counts: Counts; variant: 'preview' | 'report'; label: string }) {
  const items = variant === 'preview' ? PREVIEW : REPORT;
  return (
    <Box component="dl" aria-label={label} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, m: 0 }}>
      {items.map((i) => (
        <Box
          key={i.key}
          sx={{ display: 'flex', flexDirection: 'column-reverse', minWidth: 96, px: 1.5, py: 0.75, border: 1, borderColor: 'divider', borderRadius: 1 }}
        >
          <Box component="dt" sx={{ typography: 'caption', color: 'text.secondary' }}>
            {i.label}
          </Box>
          <Box component="dd" sx={{ m: 0, typography: 'h6', lineHeight: 1.3, color: counts[i.key] === 0 && i.key !== 'read' ? 'text.disabled' : i.tone }}>
            {counts[i.key].toLocaleString()}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
