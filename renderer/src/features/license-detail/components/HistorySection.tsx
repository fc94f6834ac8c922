import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { HistoryEntry } from '../../../../../shared/domain/usage';
import { formatTimestamp } from '../format';
import { ACTION_LABELS, changeLines, sourceLabel, usageReading, type ChangeLine } from '../history-format';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../../api/queries';
import type { Loadable } from '../loadable';
import { VISUALLY_HIDDEN } from '../styles';
import { Section } from './Section';

/** More lines than this (a creation records the whole item) are folded behind a toggle. */
const FOLD_AFTER = 4;

function Line({ line }: { line: ChangeLine }) {
  return (
    <Typography component="li" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {line.label}:
      </Box>{' '}
      {line.before !== null && (
        <>
          <Box component="span" sx={{ textDecoration: 'line-through', textDecorationColor: 'rgba(127,127,127,0.6)', color: 'text.secondary' }}>
            {line.before}
          </Box>
          <Box component="span" aria-hidden sx={{ mx: 0.75, color: 'text.secondary' }}>
            →
          </Box>
          <Box component="span" sx={VISUALLY_HIDDEN}>
            changed to
          </Box>
        </>
      )}
      <Box component="span" sx={{ fontWeight: line.before !== null ? 600 : 400 }}>
        {line.after}
      </Box>
    </Typography>
  );
}

function Entry({ entry, last, productName }: { entry: HistoryEntry; last: boolean; productName(code: string): string }) {
  const [open, setOpen] = useState(false);
  const reading = usageReading(entry);
  const lines = reading === null ? changeLines(entry, productName) : [];
  const shown = open ? lines : lines.slice(0, FOLD_AFTER);
  const dotColor = entry.action === 'updated' || entry.action === 'renewed' ? 'primary.main' : entry.action === 'usage' ? 'success.main' : 'text.disabled';
  return (
    <Box component="li" sx={{ display: 'grid', gridTemplateColumns: '16px 1fr', columnGap: 1.5, listStyle: 'none' }}>
      <Box aria-hidden sx={{ position: 'relative' }}>
        <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: dotColor, mt: '5px', mx: 'auto' }} />
        {!last && <Box sx={{ position: 'absolute', top: 18, bottom: -6, left: 7.5, width: '1px', bgcolor: 'divider' }} />}
      </Box>
      <Box sx={{ pb: last ? 0 : 2, minWidth: 0 }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {ACTION_LABELS[entry.action]}
          </Typography>
          {reading !== null && <Typography variant="body2">{reading}</Typography>}
          <Typography variant="caption" color="textSecondary" component="time" dateTime={entry.at}>
            {formatTimestamp(entry.at)} · {sourceLabel(entry.source)}
          </Typography>
        </Stack>
        {lines.length > 0 && (
          <Box component="ul" sx={{ m: 0, mt: 0.25, p: 0, listStyle: 'none' }}>
            {shown.map((l) => (
              <Line key={l.label} line={l} />
            ))}
          </Box>
        )}
        {lines.length > FOLD_AFTER && (
          <Button size="small" onClick={() => setOpen((o) => !o)} sx={{ px: 0.5, minWidth: 0, mt: 0.25 }} aria-expanded={open}>
            {open ? 'Show fewer fields' : `Show all ${lines.length} fields`}
          </Button>
        )}
      </Box>
    </Box>
  );
}

/** Entries shown before "Show all": a year of monthly readings should not bury the edits. */
const RECENT = 8;

/** Every recorded change to the item, newest first. */
export function HistorySection({ history }: { history: Loadable<HistoryEntry[]> }) {
  const [all, setAll] = useState(false);
  const products = useQuery(queries.products()).data ?? [];
  const productName = (code: string) => products.find((p) => p.code === code)?.name ?? code;
  const entries = history.state === 'ready' ? [...history.value].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id) : [];
  const shown = all ? entries : entries.slice(0, RECENT);
  return (
    <Section
      title="History"
      aside={
        entries.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
          </Typography>
        )
      }
    >
      {history.state === 'loading' && <Skeleton variant="rounded" height={96} />}
      {history.state === 'error' && <Alert severity="error">Could not load the history: {history.message}</Alert>}
      {history.state === 'ready' && entries.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No changes recorded.
        </Typography>
      )}
      {entries.length > 0 && (
        <Box component="ol" aria-label="Change history" sx={{ m: 0, p: 0 }}>
          {shown.map((e, i) => (
            <Entry key={e.id} entry={e} last={i === shown.length - 1} productName={productName} />
          ))}
        </Box>
      )}
      {entries.length > RECENT && (
        <Button size="small" onClick={() => setAll((a) => !a)} aria-expanded={all} sx={{ mt: 1 }}>
          {all ? 'Show recent changes only' : `Show all ${entries.length} entries`}
        </Button>
      )}
    </Section>
  );
}
