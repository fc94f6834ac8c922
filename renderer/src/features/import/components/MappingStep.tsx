import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { IMPORT_TARGET_FIELDS, type ColumnMapping, type ImportTargetField } from '../../../../../shared/domain/import';
import { TARGET_FIELD_LABELS } from '../labels';

const IGNORE = '';

interface Props {
  headers: string[];
  mapping: ColumnMapping;
  disabled: boolean;
  onChange(header: string, target: ImportTargetField | null): void;
}

/** One select per column of the file: which License Desk field it fills, or Ignore. */
export function MappingStep({ headers, mapping, disabled, onChange }: Props) {
  // Two columns feeding one field is allowed by the schema but almost always a mistake: say so.
  const usedBy = new Map<ImportTargetField, string[]>();
  for (const h of headers) {
    const t = mapping[h];
    if (t) usedBy.set(t, [...(usedBy.get(t) ?? []), h]);
  }

  return (
    <Stack sx={{ gap: 1 }} component="section" aria-labelledby="import-columns-heading">
      <div>
        <Typography variant="subtitle2" component="h3" id="import-columns-heading">
          Columns
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Choose the License Desk field each column of the file fills. The preview updates as you change them.
        </Typography>
      </div>
      <Grid container columnSpacing={2} rowSpacing={1.5} sx={{ pt: 0.5 }}>
        {headers.map((h, i) => {
          const target = mapping[h] ?? null;
          const others = target ? (usedBy.get(target) ?? []).filter((o) => o !== h) : [];
          return (
            <Grid key={`${h}-${i}`} size={{ xs: 12, sm: 6, md: 4 }}>
              <TextField
                select
                fullWidth
                size="small"
                id={`import-map-${i}`}
                label={h || `Column ${i + 1}`}
                value={target ?? IGNORE}
                disabled={disabled}
                onChange={(e) => onChange(h, e.target.value === IGNORE ? null : (e.target.value as ImportTargetField))}
                error={others.length > 0}
                helperText={others.length > 0 ? `Also filled from "${others.join('", "')}"` : undefined}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              >
                <MenuItem value={IGNORE}>
                  <Typography component="span" color="textSecondary" variant="inherit" sx={{ fontStyle: 'italic' }}>
                    Ignore
                  </Typography>
                </MenuItem>
                {IMPORT_TARGET_FIELDS.map((f) => (
                  <MenuItem key={f} value={f}>
                    {TARGET_FIELD_LABELS[f]}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
          );
        })}
      </Grid>
    </Stack>
  );
}
