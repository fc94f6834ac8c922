import TextField from '@mui/material/TextField';
import { memo, useEffect, useMemo, useRef, type ChangeEvent, type KeyboardEvent } from 'react';

interface Props {
  /** For a page that moves focus here (the menu's Find). */
  id?: string;
  label: string;
  /** The text in the route. */
  value: string;
  onChange(text: string): void;
  width: number;
}

/**
 * A search box whose text lives in the route. The input is uncontrolled: the browser keeps the typed
 * text and a keystroke only reports it, so typing does not re-render the field. When the route's text
 * changes from elsewhere (a link, the menu, Back), the box follows.
 */
export const SearchBox = memo(function SearchBox({ id, label, value, onChange, width }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current && input.current.value !== value) input.current.value = value;
  }, [value]);
  // The text typed is already in the box, so a keystroke's new value re-renders nothing in it: the
  // field is built once per label, width and handler, with the text it starts from.
  const initial = useRef(value);
  return useMemo(
    () => (
      <TextField
        id={id}
        size="small"
        label={label}
        type="search"
        defaultValue={initial.current}
        inputRef={input}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          // Escape clears the search (the shortcuts dialog lists it); an empty box lets Escape through.
          if (e.key !== 'Escape' || e.currentTarget.value === '') return;
          e.preventDefault();
          e.currentTarget.value = '';
          onChange('');
        }}
        sx={{ width }}
      />
    ),
    [id, label, onChange, width],
  );
});
