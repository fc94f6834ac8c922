import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { purchaseQueries } from './queries';
import { ResellerDialog } from './ResellerDialog';

/** A directory entry to pick, or the typed name to add to the directory first. */
type Option = { kind: 'entry'; name: string; where: string } | { kind: 'add'; name: string };

const filter = createFilterOptions<Option>({ stringify: (o) => (o.kind === 'entry' ? `${o.name} ${o.where}` : o.name) });

/**
 * The reseller of an order, chosen from the reseller directory the user keeps (Purchase → Reseller),
 * or added to it on the spot: a name that is not in the directory opens the directory's own form
 * with the name filled in, so every order's reseller is one the directory knows.
 */
export function ResellerPicker({ value, onChange }: { value: string; onChange(name: string): void }) {
  const list = useQuery(purchaseQueries.resellers(''));
  const [adding, setAdding] = useState<string | null>(null);
  const entries: Option[] = (list.data ?? []).map((r) => ({ kind: 'entry', name: r.name, where: [r.region, r.country].filter(Boolean).join(', ') }));
  const known = entries.some((o) => o.name === value);
  const selected: Option | null = value ? (entries.find((o) => o.name === value) ?? { kind: 'entry', name: value, where: '' }) : null;
  return (
    <>
      <Autocomplete<Option>
        options={entries}
        value={selected}
        loading={list.isPending}
        isOptionEqualToValue={(a, b) => a.name === b.name}
        getOptionLabel={(o) => o.name}
        getOptionKey={(o) => `${o.kind}:${o.name}`}
        filterOptions={(options, state) => {
          const shown = filter(options, state);
          const typed = state.inputValue.trim();
          if (typed && !options.some((o) => o.name.toLowerCase() === typed.toLowerCase())) shown.push({ kind: 'add', name: typed });
          return shown;
        }}
        renderOption={({ key, ...props }, o) => (
          <li key={key} {...props}>
            {o.kind === 'add' ? `Add “${o.name}” to the reseller directory…` : o.where ? `${o.name} — ${o.where}` : o.name}
          </li>
        )}
        onChange={(_, o) => {
          if (!o) onChange('');
          else if (o.kind === 'add') setAdding(o.name);
          else onChange(o.name);
        }}
        noOptionsText="The directory is empty: type a name to add it"
        sx={{ maxWidth: 420 }}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Reseller"
            required
            helperText={value && !known && !list.isPending ? 'Not in the reseller directory' : 'From your reseller directory; type a new name to add it there'}
          />
        )}
      />
      {adding !== null && (
        <ResellerDialog
          editing="new"
          initialName={adding}
          onClose={(saved) => {
            setAdding(null);
            if (saved) onChange(saved.name);
          }}
        />
      )}
    </>
  );
}
