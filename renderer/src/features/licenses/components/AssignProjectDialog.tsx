import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState, type FormEvent } from 'react';
import { HandshakeCode } from '../../../../../shared/domain/primitives';
import { IpcError } from '../../../api/client';
import { write } from '../../../api/mutations';
import { ProjectCodeField } from '../../../components/ProjectCodeField';

interface Props {
  ids: number[];
  onClose(): void;
  /** After the write, with what it said. */
  onAssigned(message: string): void;
}

const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'license' : 'licenses'}`;

/** "Assign to project" for a multi-selection: one code, one write for every ticked license. */
export function AssignProjectDialog({ ids, onClose, onAssigned }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = HandshakeCode.safeParse(code);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter a project ID');
      return;
    }
    setSaving(true);
    try {
      const { updated } = await write('licenses:assignProject', { ids, projectCode: parsed.data });
      const already = ids.length - updated;
      onAssigned(`Assigned ${plural(updated)} to project ${parsed.data}${already > 0 ? ` (${plural(already)} already on it)` : ''}.`);
    } catch (err) {
      setError(err instanceof IpcError && err.issues[0] ? err.issues[0].message : err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="assign-project-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="assign-project-title">Assign to project</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Put the {plural(ids.length)} you ticked on one project. Choose a known project or type its handshake code; a new code creates the project.
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <ProjectCodeField id="assign-project-code" label="Project (handshake code)" value={code} onChange={(c) => (setCode(c), setError(null))} error={error !== null} autoFocus />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving || code.trim() === ''}>
            Assign {plural(ids.length)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
