import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useState } from 'react';
import type { AuditVerification } from '../../../../../shared/domain/audit';
import { call } from '../../../api/client';

/** Walks the whole chain in main and says what it found: intact with the count, or where it breaks. */
export function useVerifyAudit() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const verify = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await call('audit:verify'));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return { result, error, running, verify, clear: () => (setResult(null), setError(null)) };
}

export function VerifyButton({ running, onClick }: { running: boolean; onClick(): void }) {
  return (
    <Button variant="outlined" startIcon={running ? <CircularProgress size={16} aria-label="Verifying" /> : <VerifiedIcon />} disabled={running} onClick={onClick}>
      Verify audit log
    </Button>
  );
}

export function VerifyResult({ result, error, onClose }: { result: AuditVerification | null; error: string | null; onClose(): void }) {
  if (error) return <Alert severity="error" onClose={onClose}>Could not verify the audit log: {error}</Alert>;
  if (!result) return null;
  if (result.intact) {
    return (
      <Alert severity="success" role="status" onClose={onClose}>
        {result.count === 0
          ? 'Intact: the audit log is empty so far.'
          : `Intact: all ${result.count.toLocaleString()} ${result.count === 1 ? 'entry checks' : 'entries check'} out, each chained to the one before by SHA-256.`}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="status" onClose={onClose}>
      Broken at entry {result.brokenSeq}: {result.reason} {result.count > 0 ? `The ${result.count.toLocaleString()} entries before it check out.` : ''}
    </Alert>
  );
}
