import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { activeFilterCount, type LicenseFilters } from '../../../../../shared/domain/query';
import { NO_FILTERS } from '../../../app/route';
import { updateFilters, updateListQuery } from '../list-route';
import { SEARCH_FIELD_ID } from './SearchField';

const clearSearch = () => {
  updateListQuery({ search: '' });
  document.getElementById(SEARCH_FIELD_ID)?.focus();
};

/** A search or filters that match nothing say so, with the way back, instead of an empty table. */
export function NoMatches({ search, filters }: { search: string; filters: LicenseFilters }) {
  const filtered = activeFilterCount(filters) > 0;
  const what = search ? `No licenses match “${search}”${filtered ? ' with these filters' : ''}.` : 'No licenses match these filters.';
  return (
    <Alert
      severity="info"
      role="status"
      action={
        <Stack direction="row" sx={{ gap: 1 }}>
          {search && <Button onClick={clearSearch}>Clear search</Button>}
          {filtered && <Button onClick={() => updateFilters(NO_FILTERS)}>Clear filters</Button>}
        </Stack>
      }
    >
      {what} Search looks in item, license and order IDs, products, editions, aliases, notes and project codes.
    </Alert>
  );
}
