import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import type { AuditEntry } from '../../../../../shared/domain/audit';
import { HeadCells } from '../../../components/HeadCells';
import { useRoute } from '../../../app/route';
import { channelLabel, formatAt, summaryParts } from '../format';

function Subject({ entry }: { entry: AuditEntry }) {
  const go = useRoute((s) => s.go);
  const itemId = typeof entry.summary.itemId === 'string' ? entry.summary.itemId : null;
  if (entry.licenseId !== null) {
    const label = itemId ? `Item ${itemId}` : `License #${entry.licenseId}`;
    if (entry.summary.deleted === true) return <>{label} (deleted)</>;
    return (
      <Link component="button" type="button" variant="body2" onClick={() => go({ page: 'license', id: entry.licenseId! })} aria-label={`Open ${label}`}>
        {label}
      </Link>
    );
  }
  return <>{entry.subject ?? '—'}</>;
}

function Details({ entry, withSubject }: { entry: AuditEntry; withSubject: boolean }) {
  // Where the Subject column names the license, its item and id are not repeated here.
  const parts = summaryParts(entry.summary).filter((p) => !(withSubject && entry.licenseId !== null && (p.name === 'item' || p.name === 'id')));
  if (parts.length === 0) return <>—</>;
  return (
    <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
      {parts.map((p, i) => (
        <Box component="span" key={p.name}>
          {i > 0 && ' · '}
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {p.name}:
          </Box>{' '}
          {p.value}
        </Box>
      ))}
    </Box>
  );
}

/** On one line from 1200 px; below, they wrap so Details, By and Hash stay in view without a sideways scroll. */
const NOWRAP_WIDE = { xs: 'normal', lg: 'nowrap' } as const;

/** The entries, newest first, with the start of each one's hash (the whole hash on hover). */
export function AuditTable({ entries, label, compact = false }: { entries: AuditEntry[]; label: string; compact?: boolean }) {
  const heads = compact ? ['When', 'What', 'Details', 'By'] : ['#', 'When', 'What', 'Subject', 'Details', 'By', 'Hash'];
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <HeadCells labels={heads} />
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.seq}>
              {!compact && <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{e.seq}</TableCell>}
              <TableCell sx={{ whiteSpace: NOWRAP_WIDE, fontVariantNumeric: 'tabular-nums' }}>{formatAt(e.at)}</TableCell>
              <TableCell sx={{ whiteSpace: NOWRAP_WIDE }}>{channelLabel(e.channel)}</TableCell>
              {!compact && (
                <TableCell sx={{ whiteSpace: NOWRAP_WIDE }}>
                  <Subject entry={e} />
                </TableCell>
              )}
              <TableCell sx={{ whiteSpace: 'normal', minWidth: 180, maxWidth: { xs: 300, lg: 520 } }}>
                <Details entry={e} withSubject={!compact} />
              </TableCell>
              <TableCell>{e.actor}</TableCell>
              {!compact && (
                <TableCell>
                  <Tooltip title={e.hash}>
                    <Box component="code" tabIndex={0} aria-label={`Hash ${e.hash}`} sx={{ fontSize: 12 }}>
                      {e.hash.slice(0, 8)}
                    </Box>
                  </Tooltip>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
