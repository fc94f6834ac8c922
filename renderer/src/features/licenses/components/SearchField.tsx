import TextField from '@mui/material/TextField';
import { memo, type ChangeEvent } from 'react';
import { useLicenses } from '../store';

const SX = { width: 260 } as const;

const onChange = (e: ChangeEvent<HTMLInputElement>) => useLicenses.getState().setSearch(e.target.value);

/**
 * The search box, in a component of its own so typing re-renders neither the page nor the table (the
 * table changes when the store's answer arrives). The input is uncontrolled: the browser keeps the
 * typed text, so a keystroke does not even re-render this field, only sends the query.
 */
export const SearchField = memo(function SearchField() {
  return <TextField size="small" label="Search licenses" type="search" defaultValue={useLicenses.getState().search} onChange={onChange} sx={SX} />;
});
