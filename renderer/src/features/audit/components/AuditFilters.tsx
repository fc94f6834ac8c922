import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { AUDIT_KIND_LABELS } from '../../../../../shared/domain/audit';
import type { AuditRouteQuery } from '../../../app/route';

const ALL = '';

/** Item, kind and a range of days; each change goes into the route, so Back and a reload keep it. */
export function AuditFilters({ query, onChange }: { query: AuditRouteQuery; onChange(patch: Partial<AuditRouteQuery>): void }) {
  // The item is applied on Enter or when the field is left, not on every keystroke.
  const [item, setItem] = useState(query.itemId ?? '');
  const applyItem = () => {
    const t = item.trim();
    if (t !== (query.itemId ?? '')) onChange({ itemId: /^\d{1,18}$/.test(t) ? t : null, licenseId: null });
  };
  const any = query.itemId !== null || query.licenseId !== null || query.kind !== null || query.from !== null || query.to !== null;
  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        size="small"
        label="Item ID"
        value={item}
        onChange={(e) => setItem(e.target.value)}
        onBlur={applyItem}
        onKeyDown={(e) => e.key === 'Enter' && applyItem()}
        helperText={query.licenseId !== null && query.itemId === null ? `License #${query.licenseId}` : undefined}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 18 } }}
        sx={{ width: 150 }}
      />
      <TextField select size="small" label="Kind" value={query.kind ?? ALL} onChange={(e) => onChange({ kind: e.target.value || null })} sx={{ width: 190 }}>
        <MenuItem value={ALL}>All kinds</MenuItem>
        {Object.entries(AUDIT_KIND_LABELS).map(([k, label]) => (
          <MenuItem key={k} value={k}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" type="date" label="From" value={query.from ?? ''} onChange={(e) => onChange({ from: e.target.value || null })} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 160 }} />
      <TextField size="small" type="date" label="To" value={query.to ?? ''} onChange={(e) => onChange({ to: e.target.value || null })} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 160 }} />
      {any && (
        <Button
          size="small"
          onClick={() => {
            setItem('');
            onChange({ itemId: null, licenseId: null, kind: null, from: null, to: null });
          }}
        >
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
