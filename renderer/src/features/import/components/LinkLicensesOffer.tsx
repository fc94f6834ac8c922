import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { productLabel, type LicenseItem } from '../../../../../shared/domain/license';
import { NO_PROJECT } from '../../../../../shared/domain/query';
import { write } from '../../../api/mutations';
import { queries } from '../../../api/queries';
import { formatDate } from '../../../components/dates';
import { localIsoDate } from '../../../components/useNow';

const ALL = '';
const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'license' : 'licenses'}`;

/** The licenses of the key's organization that could draw on its project: unlinked ones, or on the organization's other projects. */
function useCandidates(projectCode: string): { rows: LicenseItem[] | undefined; error: unknown } {
  const organizationId = projectCode.slice(0, projectCode.indexOf('-'));
  // The day the offer opened: statuses in the list need one, and it need not tick.
  const [asOf] = useState(() => localIsoDate(new Date()));
  const projects = useQuery(queries.projects());
  const others = (projects.data ?? []).filter((p) => p.organizationId === organizationId && p.handshakeCode !== projectCode).map((p) => p.handshakeCode);
  const candidates = useQuery({ ...queries.linkCandidates(asOf, [NO_PROJECT, ...others]), enabled: projects.isSuccess });
  return { rows: candidates.data, error: projects.error ?? candidates.error };
}

/**
 * Right after a key is stored: link its project to licenses of the same organization (a portal CSV has
 * no project column, so imported licenses arrive unlinked). Narrow by product, tick, link in one write.
 */
export function LinkLicensesOffer({ projectCode }: { projectCode: string }) {
  const headingId = useId();
  const { rows, error } = useCandidates(projectCode);
  const [product, setProduct] = useState(ALL);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const products = [...new Map((rows ?? []).map((r) => [r.productCode, r.productName])).entries()];
  const shown = (rows ?? []).filter((r) => product === ALL || r.productCode === product);
  const ticked = shown.filter((r) => picked.has(r.id));
  const allTicked = shown.length > 0 && ticked.length === shown.length;

  const toggle = (id: number) =>
    setPicked((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () => setPicked(allTicked ? new Set() : new Set(shown.map((r) => r.id)));

  const link = async () => {
    setSaving(true);
    try {
      const { updated } = await write('licenses:assignProject', { ids: ticked.map((r) => r.id), projectCode });
      setOutcome({ ok: true, text: `Linked ${plural(updated)} to project ${projectCode}.` });
      setPicked(new Set());
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack component="section" aria-labelledby={headingId} sx={{ gap: 1 }}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        Link project {projectCode} to licenses
      </Typography>
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </Alert>
      )}
      {error ? (
        <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert>
      ) : rows === undefined ? (
        <Typography variant="body2" color="textSecondary">
          Looking for licenses of organization {projectCode.slice(0, projectCode.indexOf('-'))}…
        </Typography>
      ) : rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No license is waiting for a project. Licenses you import later can be put on it from the list's selection (Assign to project).
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary">
            Licenses without a project, or on another project of the same organization, can draw on this one. Tick those that should.
          </Typography>
          <TextField select size="small" label="Product" value={product} onChange={(e) => setProduct(e.target.value)} sx={{ width: 280 }}>
            <MenuItem value={ALL}>All products ({rows.length})</MenuItem>
            {products.map(([code, name]) => (
              <MenuItem key={code} value={code}>
                {name}
              </MenuItem>
            ))}
          </TextField>
          <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 240 }}>
            <Table size="small" stickyHeader aria-label={`Licenses to link to ${projectCode}`}>
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Checkbox size="small" checked={allTicked} indeterminate={ticked.length > 0 && !allTicked} onChange={toggleAll} slotProps={{ input: { 'aria-label': 'Select all shown' } }} />
                  </TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>Item ID</TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>Product</TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>Expires</TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>Project now</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((r) => (
                  <TableRow key={r.id} hover onClick={() => toggle(r.id)} sx={{ cursor: 'pointer' }}>
                    <TableCell padding="checkbox">
                      <Checkbox size="small" checked={picked.has(r.id)} onClick={(e) => e.stopPropagation()} onChange={() => toggle(r.id)} slotProps={{ input: { 'aria-label': `Link item ${r.itemId}` } }} />
                    </TableCell>
                    <TableCell>{r.itemId}</TableCell>
                    <TableCell>{productLabel(r)}</TableCell>
                    <TableCell>{r.expiresOn ? formatDate(r.expiresOn) : '–'}</TableCell>
                    <TableCell>{r.projectCode ?? 'No project'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Button variant="contained" sx={{ alignSelf: 'flex-start' }} disabled={saving || ticked.length === 0} onClick={() => void link()}>
            Link {plural(ticked.length)} to {projectCode}
          </Button>
        </>
      )}
    </Stack>
  );
}
