import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { NO_PROJECT } from '../../../../../shared/domain/query';
import { queries } from '../../../api/queries';

interface Option {
  value: string;
  label: string;
}

const NONE: Option = { value: NO_PROJECT, label: 'No project' };

// Hundreds of projects: the list shows the first matches of what is typed, never all of them at once.
const filterOptions = createFilterOptions<Option>({ limit: 100, stringify: (o) => o.label });

/**
 * The project filter: type part of a handshake code to find it among hundreds. The projects come from
 * the cache the Projects page uses, so a project added there is here too.
 */
export function ProjectFilter({ values, onChange }: { values: string[]; onChange(values: string[]): void }) {
  const projects = useQuery(queries.projects()).data;
  const options = useMemo(() => [NONE, ...(projects ?? []).map((p) => ({ value: p.handshakeCode, label: p.handshakeCode }))], [projects]);
  // A code from the URL that names no stored project still shows (and can be removed).
  const selected = values.map((v) => options.find((o) => o.value === v) ?? { value: v, label: v });
  return (
    <Autocomplete
      multiple
      size="small"
      disableCloseOnSelect
      limitTags={1}
      options={options}
      value={selected}
      loading={projects === undefined}
      filterOptions={filterOptions}
      isOptionEqualToValue={(a, b) => a.value === b.value}
      getOptionLabel={(o) => o.label}
      onChange={(_e, picked) => onChange(picked.map((o) => o.value))}
      getLimitTagsText={(more) => `+${more}`}
      renderOption={({ key, ...props }, o, { selected: on }) => (
        <li key={key} {...props}>
          <Checkbox size="small" checked={on} sx={{ p: 0.25, mr: 1 }} />
          {o.label}
        </li>
      )}
      renderInput={(params) => <TextField {...params} label="Project" placeholder={values.length ? undefined : 'Any'} />}
      sx={{ width: 250 }}
      // Handshake codes are 19 characters: the list is wider than the field so each fits on one line.
      slotProps={{ chip: { size: 'small' }, popper: { placement: 'bottom-start', sx: { minWidth: 300 } } }}
    />
  );
}
