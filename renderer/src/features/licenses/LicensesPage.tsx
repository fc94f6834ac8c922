import AddIcon from '@mui/icons-material/Add';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useState } from 'react';
import type { AppCommandName } from '../../../../shared/ipc/events';
import { useAppCommands } from '../../app/app-commands';
import { activeFilterCount } from '../../../../shared/domain/query';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import type { LicenseListQuery } from '../../app/route';
import { localIsoDate, useNow } from '../../components/useNow';
import { ImportDialog } from '../import';
import { EXPORT_BUTTON_ID, ExportMenu } from './components/ExportMenu';
import { FilterBar } from './components/FilterBar';
import { LicenseFormDialog } from './components/LicenseFormDialog';
import { LicenseTable } from './components/LicenseTable';
import { NoMatches } from './components/NoMatches';
import { SelectionBar } from './components/SelectionBar';
import { TABLE_CONTAINER } from './components/tableStyles';
import { SEARCH_FIELD_ID, SearchField } from './components/SearchField';
import { useLicenseList } from './useLicenseList';

const PAGE_SX = { height: '100%', p: { xs: 2, lg: 3 }, gap: 2 } as const;
const TOOLBAR_SX = { alignItems: 'center', gap: 1.5, '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 } } as const;
const TITLE_SX = { flexShrink: 0, whiteSpace: 'nowrap' } as const;
const COUNT_SX = { flexGrow: 1, whiteSpace: 'nowrap', minWidth: 0 } as const;
const TABLE_BOX_SX = { flexGrow: 1, minHeight: 0 } as const;
const ACTIONS_SX = { gap: 1 } as const;

/**
 * "N items", updated together with the rows (both come from the same cache entry). Beside the
 * heading, not inside it, so the heading's name is just "Licenses"; a status, so a search's count is read out.
 */
const LicenseCount = memo(function LicenseCount({ total }: { total: number | null }) {
  if (total === null) return null;
  return (
    <Typography component="span" role="status" color="textSecondary" aria-label="License count">
      {total.toLocaleString()} {total === 1 ? 'item' : 'items'}
    </Typography>
  );
});

/** The license list for the route's query (`#/licenses?status=expired&project=…`). */
export function LicensesPage({ query }: { query: LicenseListQuery }) {
  const asOf = localIsoDate(useNow());
  const list = useLicenseList(query, asOf);
  const products = useQuery(queries.products()).data ?? [];
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The application menu's New, Import…, Export… and Find (app/app-commands.ts) act here.
  const onCommand = useCallback((command: AppCommandName) => {
    if (command === 'new') setAdding(true);
    else if (command === 'import') setImporting(true);
    else if (command === 'find') document.getElementById(SEARCH_FIELD_ID)?.focus();
    else if (command === 'export') document.getElementById(EXPORT_BUTTON_ID)?.click();
  }, []);
  useAppCommands(onCommand);
  const empty = list.total === 0 && list.view !== null && !list.view.search && activeFilterCount(list.view.filters) === 0;

  return (
    <Stack sx={PAGE_SX}>
      <Stack direction="row" sx={TOOLBAR_SX}>
        <Typography variant="h5" component="h1" sx={TITLE_SX}>
          Licenses
        </Typography>
        <Box sx={COUNT_SX}>
          <LicenseCount total={list.total} />
        </Box>
        <SearchField value={query.search} />
        <ExportMenu view={{ ...query, asOf }} onError={setNotice} />
        <Button startIcon={<UploadIcon />} onClick={() => setImporting(true)}>
          Import
        </Button>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
          Add license
        </Button>
      </Stack>
      {!empty && <FilterBar query={query} products={products} />}
      {list.error && <Alert severity="error">{list.error}</Alert>}
      <Box sx={TABLE_BOX_SX} className={TABLE_CONTAINER}>
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
        ) : list.total === 0 && list.view ? (
          <NoMatches search={list.view.search} filters={list.view.filters} />
        ) : (
          <LicenseTable list={list} sort={query.sort} />
        )}
      </Box>
      <LicenseFormDialog
        open={adding}
        products={products}
        onClose={() => setAdding(false)}
        onSubmit={async (input) => {
          const created = await write('licenses:create', input);
          setNotice(`Saved license ${created.itemId}.`);
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
      <SelectionBar />
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
