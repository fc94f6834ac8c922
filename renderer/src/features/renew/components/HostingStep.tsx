import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Hosting } from '../../../../../shared/domain/project';
import { write } from '../../../api/mutations';
import { queries } from '../../../api/queries';

/** The handshake code in monospace with a copy button: the self-hosted steps need it typed exactly. */
export function CopyableCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <Box component="code" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', bgcolor: 'action.hover', px: 0.75, py: 0.25, borderRadius: 0.5 }}>
        {code}
      </Box>
      <Tooltip title={copied ? 'Copied' : 'Copy'}>
        <IconButton
          size="small"
          aria-label={`Copy project ${code}`}
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          <ContentCopyIcon fontSize="inherit" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}

export const SELF_HOSTED_STEPS = (code: string) =>
  [
    { step: 'download', text: 'Download the new license file from the Customer Portal' },
    { step: 'import', text: 'Import it into your License Server (Items → Select File)' },
    { step: 'attach', text: `Attach it to project ${code}` },
  ] as const;

/** What happens on one project once the new license exists: automatic, by hand, or the question. */
function ProjectHosting({ code, what }: { code: string; what: string }) {
  const project = useQuery(queries.projectByCode(code));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  if (project.isPending) return <Skeleton variant="rounded" height={56} />;
  if (project.isError || project.data.kind !== 'found') return <Alert severity="warning">Project {code} is not recorded, so its hosting is unknown.</Alert>;
  const hosting = project.data.project.hosting;
  const answer = async (value: Hosting) => {
    setSaving(true);
    setError('');
    try {
      await write('projects:setHosting', { handshakeCode: code, hosting: value });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack sx={{ gap: 1 }}>
      {hosting === 'unknown' && (
        <FormControl disabled={saving}>
          <FormLabel id={`hosting-${code}`}>Who runs the License Server for project {code}?</FormLabel>
          <RadioGroup row aria-labelledby={`hosting-${code}`} value="" onChange={(e) => void answer(e.target.value as Hosting)}>
            <FormControlLabel value="dynamsoft" control={<Radio />} label="Dynamsoft (hosted)" />
            <FormControlLabel value="self" control={<Radio />} label="We do (self-hosted)" />
          </RadioGroup>
        </FormControl>
      )}
      {hosting === 'dynamsoft' && (
        <Alert severity="success">
          Dynamsoft-hosted: the new license attaches to handshake code <CopyableCode code={code} /> automatically; your key does not change.
        </Alert>
      )}
      {hosting === 'self' && (
        <Alert severity="info" icon={false}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Self-hosted License Server: when the {what} arrives
          </Typography>
          <Box component="ol" sx={{ my: 0.5, pl: 2.5 }}>
            {SELF_HOSTED_STEPS(code).map((s) => (
              <li key={s.step}>
                <Typography variant="body2">{s.step === 'attach' ? <>Attach it to project <CopyableCode code={code} /></> : s.text}</Typography>
              </li>
            ))}
          </Box>
          <Typography variant="caption" color="textSecondary">
            You tick these off on the order; they are remembered.
          </Typography>
        </Alert>
      )}
      {hosting !== 'unknown' && (
        <Typography variant="caption" color="textSecondary">
          Not right?{' '}
          <Box component="button" type="button" onClick={() => void answer(hosting === 'self' ? 'dynamsoft' : 'self')} sx={{ all: 'unset', cursor: 'pointer', color: 'primary.main', textDecoration: 'underline' }}>
            {hosting === 'self' ? 'It is Dynamsoft-hosted' : 'It is self-hosted'}
          </Box>
        </Typography>
      )}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** The hosting step: one block per project the order touches. */
export function HostingStep({ codes, what, unassigned }: { codes: string[]; what: string; unassigned: string[] }) {
  return (
    <Stack sx={{ gap: 2 }}>
      {codes.map((code) => (
        <ProjectHosting key={code} code={code} what={what} />
      ))}
      {unassigned.length > 0 && (
        <Alert severity="warning">
          {unassigned.length === 1 ? `Item ${unassigned[0]} is` : `Items ${unassigned.join(', ')} are`} on no project (handshake code): attach the {what} to a project when it arrives.
        </Alert>
      )}
    </Stack>
  );
}

/** True when every project has an answer, so the wizard can go on. */
export function useHostingAnswered(codes: string[]): boolean {
  const results = useQueries({ queries: codes.map((code) => queries.projectByCode(code)) });
  return results.every((q) => q.data !== undefined && !(q.data.kind === 'found' && q.data.project.hosting === 'unknown'));
}

/** The hosting of each project, for the checklist at the end: self-hosted ones need it. */
export function useSelfHosted(codes: string[]): string[] {
  const results = useQueries({ queries: codes.map((code) => queries.projectByCode(code)) });
  return codes.filter((_, i) => {
    const d = results[i]?.data;
    return d?.kind === 'found' && d.project.hosting === 'self';
  });
}
