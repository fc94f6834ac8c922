import Button from '@mui/material/Button';
import { count, validRows } from '../labels';
import { useFileImport, type ImportMode } from '../store';

/** Footer buttons of the file tab. Import is all-or-nothing; importing a partial file is a separate, explicit choice. */
export function FileActions({ onImported }: { onImported(): void }) {
  const preview = useFileImport((s) => s.preview);
  const report = useFileImport((s) => s.report);
  const busy = useFileImport((s) => s.busy);
  if (!preview || report) return null;

  const blocked = preview.missingRequired.length > 0 || busy !== null;
  const rejected = preview.counts.rejected;
  const valid = validRows(preview.counts);
  const commit = async (mode: ImportMode) => {
    const result = await useFileImport.getState().commit(mode);
    if (result?.written) onImported();
  };

  return (
    <>
      {rejected > 0 && valid > 0 && (
        <Button variant="outlined" color="warning" disabled={blocked} onClick={() => void commit('valid-only')}>
          Import the {count(valid, 'valid row')} only
        </Button>
      )}
      <Button variant="contained" disabled={blocked || rejected > 0 || preview.counts.read === 0} onClick={() => void commit('all-or-nothing')}>
        Import
      </Button>
    </>
  );
}
