import { memo } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Product } from '../../../../../shared/domain/product';
import { activeFilterCount, HEADLINES, type LicenseFilters } from '../../../../../shared/domain/query';
import { LICENSE_TERMS, QUOTA_MODES, QUOTA_MODE_LABELS } from '../../../../../shared/domain/quota';
import { HEADLINE_LABELS } from '../../../../../shared/status/index';
import { NO_FILTERS } from '../../../app/route';
import { updateFilters, updateListQuery } from '../list-route';
import { ProjectFilter } from './ProjectFilter';

interface MultiProps {
  label: string;
  values: string[];
  options: { value: string; label: string }[];
  onChange(values: string[]): void;
  width?: number;
}

function MultiSelect({ label, values, options, onChange, width = 140 }: MultiProps) {
  const id = `filter-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <TextField
      select
      size="small"
      id={id}
      label={label}
      value={values}
      sx={{ width }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (v) => {
            const picked = v as string[];
            return picked.length === 1 ? (options.find((o) => o.value === picked[0])?.label ?? picked[0]) : `${picked.length} selected`;
          },
        },
      }}
      onChange={(e) => onChange(e.target.value as unknown as string[])}
    >
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value} dense>
          <Checkbox size="small" checked={values.includes(o.value)} sx={{ p: 0.25, mr: 1 }} />
          <ListItemText primary={o.label} />
        </MenuItem>
      ))}
    </TextField>
  );
}

const WITHIN = [7, 14, 30, 60, 90, 180, 365];
// Dynamsoft's usage alert levels (60 / 80 / 100 %); 80 is the dashboard's "quota at risk".
const QUOTA_LEVELS = [60, 80, 100];

/** Filters run in SQLite; each change puts the new query in the route. */
export const FilterBar = memo(function FilterBar({ filters, groupByProject, products }: { filters: LicenseFilters; groupByProject: boolean; products: Product[] }) {
  const setFilters = updateFilters;
  const clearFilters = () => updateFilters(NO_FILTERS);
  const setGroupByProject = (on: boolean) => updateListQuery({ groupByProject: on });

  return (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <MultiSelect label="Product" values={filters.productCodes} options={products.map((p) => ({ value: p.code, label: p.name }))} onChange={(v) => setFilters({ productCodes: v })} width={170} />
      <MultiSelect
        label="Status"
        values={filters.headlines}
        options={HEADLINES.map((h) => ({ value: h, label: HEADLINE_LABELS[h].label }))}
        onChange={(v) => setFilters({ headlines: v as typeof filters.headlines })}
      />
      <MultiSelect
        label="Quota mode"
        values={filters.quotaModes}
        options={QUOTA_MODES.map((m) => ({ value: m, label: QUOTA_MODE_LABELS[m].label }))}
        onChange={(v) => setFilters({ quotaModes: v as typeof filters.quotaModes })}
        width={150}
      />
      <ProjectFilter values={filters.projectCodes} onChange={(v) => setFilters({ projectCodes: v })} />
      <MultiSelect
        label="Term"
        values={filters.terms}
        options={LICENSE_TERMS.map((t) => ({ value: t, label: t === 'annual' ? 'Annual' : 'Lifetime' }))}
        onChange={(v) => setFilters({ terms: v as typeof filters.terms })}
        width={110}
      />
      <TextField
        select
        size="small"
        id="filter-expires-within"
        label="Expires within"
        value={filters.expiresWithinDays ?? ''}
        onChange={(e) => setFilters({ expiresWithinDays: e.target.value === '' ? null : Number(e.target.value) })}
        sx={{ width: 150 }}
      >
        <MenuItem value="">Any time</MenuItem>
        {WITHIN.map((d) => (
          <MenuItem key={d} value={d}>
            {d} days
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        id="filter-quota-used"
        label="Quota used"
        value={filters.minQuotaPercent ?? ''}
        onChange={(e) => setFilters({ minQuotaPercent: e.target.value === '' ? null : Number(e.target.value) })}
        sx={{ width: 130 }}
      >
        <MenuItem value="">Any</MenuItem>
        {QUOTA_LEVELS.map((p) => (
          <MenuItem key={p} value={p}>
            {p} % or more
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel control={<Checkbox size="small" checked={groupByProject} onChange={(e) => setGroupByProject(e.target.checked)} />} label="Group by project" />
      {activeFilterCount(filters) > 0 && (
        <Button size="small" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </Stack>
  );
});
