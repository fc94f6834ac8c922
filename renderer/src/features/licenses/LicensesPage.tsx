import AddIcon from '@mui/icons-material/Add';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useEffect, useState } from 'react';
import { ImportDialog } from '../import/ImportDialog';
import { ExportMenu } from './components/ExportMenu';
import { FilterBar } from './components/FilterBar';
import { LicenseFormDialog } from './components/LicenseFormDialog';
import { LicenseTable } from './components/LicenseTable';
import { SearchField } from './components/SearchField';
import { activeFilterCount, useLicenses } from './store';

const PAGE_SX = { height: '100%', p: 3, gap: 2 } as const;
const TOOLBAR_SX = { alignItems: 'center', gap: 1.5 } as const;
const TITLE_SX = { flexGrow: 1 } as const;
const COUNT_SX = { ml: 1.5 } as const;
const TABLE_BOX_SX = { flexGrow: 1, minHeight: 0 } as const;
const ACTIONS_SX = { gap: 1 } as const;

/** "N items", updated together with the rows (both come from the same store update). */
const LicenseCount = memo(function LicenseCount() {
  const total = useLicenses((s) => s.total);
  if (total === null) return null;
  return (
    <Typography component="span" color="textSecondary" sx={COUNT_SX} aria-label="License count">
      {total.toLocaleString()} {total === 1 ? 'item' : 'items'}
    </Typography>
  );
});

export function LicensesPage() {
  // Narrow selectors: a search keystroke or a new page of rows does not re-render the page.
  const empty = useLicenses((s) => s.total === 0 && !s.search && activeFilterCount(s.filters) === 0);
  const error = useLicenses((s) => s.error);
  const products = useLicenses((s) => s.products);
  const { loadProducts, reload, create } = useLicenses.getState();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void loadProducts();
    reload();
  }, [loadProducts, reload]);

  return (
    <Stack sx={PAGE_SX}>
      <Stack direction="row" sx={TOOLBAR_SX}>
        <Typography variant="h5" component="h1" sx={TITLE_SX}>
          Licenses
          <LicenseCount />
        </Typography>
        <SearchField />
        <ExportMenu onError={setNotice} />
        <Button startIcon={<UploadIcon />} onClick={() => setImporting(true)}>
          Import
        </Button>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
          Add license
        </Button>
      </Stack>
      {!empty && <FilterBar />}
      {error && <Alert severity="error">{error}</Alert>}
      <Box sx={TABLE_BOX_SX}>
        {empty ? (
          <Alert
            severity="info"
            action={
              <Stack direction="row" sx={ACTIONS_SX}>
                <Button onClick={() => setImporting(true)}>Import</Button>
                <Button onClick={() => setAdding(true)}>Add license</Button>
              </Stack>
            }
          >
            No licenses recorded yet. Import the portal's Full License list, paste license keys, or add one by hand.
          </Alert>
        ) : (
          <LicenseTable />
        )}
      </Box>
      <LicenseFormDialog
        open={adding}
        products={products}
        onClose={() => setAdding(false)}
        onSubmit={async (input) => {
          const created = await create(input);
          setNotice(`Saved license ${created.itemId}.`);
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={reload} />
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
