import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { hasRejections, keyCheckSummary, keyReportSummary, keysToImport } from '../labels';
import type { KeyCheck } from '../../../../../shared/domain/project';
import type { KeyPaste, KeyResult } from '../useKeyPaste';
import { KeyCheckTable } from './KeyCheckTable';
import { LinkLicensesOffer } from './LinkLicensesOffer';

/** Paste one or many keys, check them, then import them. */
export function KeysPanel({ state }: { state: KeyPaste }) {
  const { text, setText, result, busy, error } = state;

  return (
    <Stack sx={{ gap: 2 }}>
      <Typography variant="body2" color="textSecondary">
        Paste one or many keys, as copied from the Customer Portal or from source code. An online key (DLS2) also records its project. Keys stay on
        this computer and are shown masked.
      </Typography>
      <TextField
        label="License keys"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void state.check();
          }
        }}
        multiline
        minRows={4}
        maxRows={6}
        fullWidth
        autoFocus
        placeholder="Paste keys here"
        helperText="Online keys (DLS2…), trial keys (t0…), offline keys (f0…) and device authorizations (DLC2…). Ctrl+Enter checks the keys."
        slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', autoCorrect: 'off', autoCapitalize: 'off', style: { fontFamily: 'monospace', fontSize: 13 } } }}
      />
      {busy && <LinearProgress aria-label={busy === 'check' ? 'Checking keys' : 'Importing keys'} />}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {result && (
        <Stack sx={{ gap: 1 }}>
          <KeyResultSummary result={result} />
          <KeyCheckTable checks={result.checks} />
        </Stack>
      )}
      {result?.mode === 'report' && result.written && linkableProjects(result.checks).map((code) => <LinkLicensesOffer key={code} projectCode={code} />)}
    </Stack>
  );
}

/** The projects of the keys just stored (or already stored), each once: the ones worth linking to licenses. */
function linkableProjects(checks: KeyCheck[]): string[] {
  return [...new Set(checks.filter((c) => c.outcome !== 'rejected' && c.projectCode !== null).map((c) => c.projectCode!))];
}

function KeyResultSummary({ result }: { result: KeyResult }) {
  const rejected = hasRejections(result.checks);
  if (result.mode === 'check') {
    return (
      <Stack sx={{ gap: 1 }}>
        <Typography variant="body2" role="status">
          {keyCheckSummary(result.checks)}
        </Typography>
        {rejected && (
          <Alert severity="warning">
            <strong>Nothing will be imported while keys are rejected.</strong> Correct them in the box and check again
            {keysToImport(result.checks) > 0 ? ', or import the valid keys only.' : '.'}
          </Alert>
        )}
      </Stack>
    );
  }
  if (!result.written) {
    return (
      <Alert severity="warning" role="status">
        {result.message}
        {keysToImport(result.checks) > 0 && ' Correct the rejected keys in the box, or import the valid keys only.'}
      </Alert>
    );
  }
  return (
    <Alert severity={rejected ? 'info' : 'success'} role="status">
      {/* Main's message says the same in other words; the counted summary is the one line to read. */}
      <strong>{keyReportSummary(result.checks)}.</strong>
      {rejected && ' The rejected keys were left out and are still in the box so you can correct them.'}
    </Alert>
  );
}
