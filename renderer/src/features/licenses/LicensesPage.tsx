import AddIcon from '@mui/icons-material/Add';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useState } from 'react';
import type { AppCommandName } from '../../../../shared/ipc/events';
import { useAppCommands } from '../../app/app-commands';
import type { LicenseItemFields } from '../../../../shared/domain/license';
import type { Product } from '../../../../shared/domain/product';
import { activeFilterCount } from '../../../../shared/domain/query';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import type { LicenseListQuery } from '../../app/route';
import { count } from '../../components/count';
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

const TITLE_SX = { flexShrink: 0, whiteSpace: 'nowrap' } as const;
const ACTIONS_SX = { gap: 1 } as const;

/**
 * The page's frame (column, toolbar row, count, the box the table fills) as plain elements styled by
 * rules inserted once: the page re-renders on every keystroke and every answer, and MUI's Stack and
 * Box re-serialise their sx styles each time (about 0.3 ms apiece).
 */
const PAGE = { root: 'ld-licenses-page', toolbar: 'ld-licenses-toolbar', count: 'ld-licenses-count', countText: 'ld-licenses-count-text', table: 'ld-licenses-table-box' } as const;
const pageStyles = (theme: Theme) => ({
  [`.${PAGE.root}`]: { display: 'flex', flexDirection: 'column', height: '100%', padding: theme.spacing(2), gap: theme.spacing(2), [theme.breakpoints.up('lg')]: { padding: theme.spacing(3) } },
  [`.${PAGE.toolbar}`]: { display: 'flex', flexDirection: 'row', alignItems: 'center', gap: theme.spacing(1.5) },
  [`.${PAGE.toolbar} .MuiButton-root`]: { whiteSpace: 'nowrap', flexShrink: 0 },
  [`.${PAGE.count}`]: { flexGrow: 1, whiteSpace: 'nowrap', minWidth: 0 },
  // Typography body1 in the secondary text colour, as the count was drawn before.
  [`.${PAGE.countText}`]: { ...theme.typography.body1, margin: 0, color: theme.palette.text.secondary },
  [`.${PAGE.table}`]: { flexGrow: 1, minHeight: 0 },
});
const PAGE_STYLES = <GlobalStyles styles={pageStyles} />;
const NO_PRODUCTS: Product[] = [];

/**
 * "N items", updated together with the rows (both come from the same cache entry). Beside the
 * heading, not inside it, so the heading's name is just "Licenses"; a status, so a search's count is read out.
 */
const LicenseCount = memo(function LicenseCount({ total }: { total: number | null }) {
  if (total === null) return null;
  return (
    <span className={PAGE.countText} role="status" aria-label="License count">
      {count(total, 'item')}
    </span>
  );
});

// Constant elements: React passes them by when the page re-renders for a keystroke or an answer.
const TITLE = (
  <Typography variant="h5" component="h1" sx={TITLE_SX}>
    Licenses
  </Typography>
);

/** The page's notice (a license saved, an export's error): it changes only with its message. */
const Notice = memo(function Notice({ message, onClose }: { message: string | null; onClose(): void }) {
  return <Snackbar open={message !== null} autoHideDuration={4000} onClose={onClose} message={message} />;
});

/** Export, Import and Add: the same on every keystroke, so rendered once. */
const PageActions = memo(function PageActions({ onImport, onAdd, onError }: { onImport(): void; onAdd(): void; onError(message: string): void }) {
  return (
    <>
      <ExportMenu onError={onError} />
      <Button startIcon={<UploadIcon />} onClick={onImport}>
        Import
      </Button>
      <Button variant="contained" startIcon={<AddIcon />} onClick={onAdd}>
        Add license
      </Button>
    </>
  );
});

const AddDialog = memo(LicenseFormDialog);
const ImportDialogMemo = memo(ImportDialog);

/** The license list for the route's query (`#/licenses?status=expired&project=…`). */
export function LicensesPage({ query }: { query: LicenseListQuery }) {
  const asOf = localIsoDate(useNow());
  const list = useLicenseList(query, asOf);
  const products = useQuery(queries.products()).data ?? NO_PRODUCTS;
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const startImport = useCallback(() => setImporting(true), []);
  const startAdd = useCallback(() => setAdding(true), []);
  const stopImport = useCallback(() => setImporting(false), []);
  const stopAdd = useCallback(() => setAdding(false), []);
  const closeNotice = useCallback(() => setNotice(null), []);
  const saveNew = useCallback(async (input: LicenseItemFields) => {
    const created = await write('licenses:create', input);
    setNotice(`Saved license ${created.itemId}.`);
  }, []);
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
    <div className={PAGE.root}>
      {PAGE_STYLES}
      <div className={PAGE.toolbar}>
        {TITLE}
        <div className={PAGE.count}>
          <LicenseCount total={list.total} />
        </div>
        <SearchField value={query.search} asOf={asOf} />
        <PageActions onImport={startImport} onAdd={startAdd} onError={setNotice} />
      </div>
      {!empty && <FilterBar filters={query.filters} groupByProject={query.groupByProject} products={products} />}
      {list.error && <Alert severity="error">{list.error}</Alert>}
      <div className={`${PAGE.table} ${TABLE_CONTAINER}`}>
        {empty ? (
          <Alert
            severity="info"
            action={
              <Stack direction="row" sx={ACTIONS_SX}>
                <Button onClick={startImport}>Import</Button>
                <Button onClick={startAdd}>Add license</Button>
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
      </div>
      <AddDialog open={adding} products={products} onClose={stopAdd} onSubmit={saveNew} />
      <ImportDialogMemo open={importing} onClose={stopImport} />
      <SelectionBar />
      <Notice message={notice} onClose={closeNotice} />
    </div>
  );
}
