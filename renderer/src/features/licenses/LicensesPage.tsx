import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { LicenseFormDialog } from './components/LicenseFormDialog';
import { LicenseTable } from './components/LicenseTable';
import { useLicenses } from './store';

export function LicensesPage() {
  const total = useLicenses((s) => s.total);
  const error = useLicenses((s) => s.error);
  const products = useLicenses((s) => s.products);
  const { loadProducts, reload, create, setSearch } = useLicenses.getState();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [search, setSearchText] = useState(useLicenses.getState().search);

  useEffect(() => {
    void loadProducts();
    reload();
  }, [loadProducts, reload]);

  // Debounced so each keystroke does not start a query; the store drops answers to stale queries.
  useEffect(() => {
    if (search === useLicenses.getState().search) return;
    const t = setTimeout(() => setSearch(search), 150);
    return () => clearTimeout(t);
  }, [search, setSearch]);

  return (
    <Stack sx={{ height: '100%', p: 3, gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Licenses
          {total !== null && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1.5 }} aria-label="License count">
              {total.toLocaleString()} {total === 1 ? 'item' : 'items'}
            </Typography>
          )}
        </Typography>
        <TextField size="small" label="Search licenses" type="search" value={search} onChange={(e) => setSearchText(e.target.value)} sx={{ width: 280 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
          Add license
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Box sx={{ flexGrow: 1, minHeight: 0 }}>
        {total === 0 && !search ? (
          <Alert severity="info" action={<Button onClick={() => setAdding(true)}>Add license</Button>}>
            No licenses recorded yet. Add the first one by hand.
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
          setSaved(`Saved license ${created.itemId}.`);
        }}
      />
      <Snackbar open={saved !== null} autoHideDuration={4000} onClose={() => setSaved(null)} message={saved} />
    </Stack>
  );
}
