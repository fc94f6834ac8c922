import TextField from '@mui/material/TextField';
import { memo, useEffect, useRef, type ChangeEvent } from 'react';
import { updateListQuery } from '../list-route';

const SX = { width: 260 } as const;

const onChange = (e: ChangeEvent<HTMLInputElement>) => updateListQuery({ search: e.target.value });

/**
 * The search box. The input is uncontrolled: the browser keeps the typed text and a keystroke only
 * puts it in the route (the list coalesces the queries it sends). When the route's text changes from
 * elsewhere (a link, Back), the box follows.
 */
export const SearchField = memo(function SearchField({ value }: { value: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current && input.current.value !== value) input.current.value = value;
  }, [value]);
  return <TextField size="small" label="Search licenses" type="search" defaultValue={value} inputRef={input} onChange={onChange} sx={SX} />;
});
