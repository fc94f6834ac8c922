import AddIcon from '@mui/icons-material/Add';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { ImportDialog } from '../import/ImportDialog';
import { ExportMenu } from './components/ExportMenu';
import { FilterBar } from './components/FilterBar';
import { LicenseFormDialog } from './components/LicenseFormDialog';
import { LicenseTable } from './components/LicenseTable';
import { activeFilterCount, useLicenses } from './store';

export function LicensesPage() {
  const total = useLicenses((s) => s.total);
  const error = useLicenses((s) => s.error);
  const products = useLicenses((s) => s.products);
  const filters = useLicenses((s) => s.filters);
  const { loadProducts, reload, create, setSearch } = useLicenses.getState();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearchText] = useState(useLicenses.getState().search);

  useEffect(() => {
    void loadProducts();
    reload();
  }, [loadProducts, reload]);

  const onSearch = (text: string) => {
    setSearchText(text);
    setSearch(text);
  };

  const empty = total === 0 && !search && activeFilterCount(filters) === 0;

  return (
    <Stack sx={{ height: '100%', p: 3, gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Licenses
          {total !== null && (
            <Typography component="span" color="textSecondary" sx={{ ml: 1.5 }} aria-label="License count">
              {total.toLocaleString()} {total === 1 ? 'item' : 'items'}
            </Typography>
          )}
        </Typography>
        <TextField size="small" label="Search licenses" type="search" value={search} onChange={(e) => onSearch(e.target.value)} sx={{ width: 260 }} />
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
      <Box sx={{ flexGrow: 1, minHeight: 0 }}>
        {empty ? (
          <Alert
            severity="info"
            action={
              <Stack direction="row" sx={{ gap: 1 }}>
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
