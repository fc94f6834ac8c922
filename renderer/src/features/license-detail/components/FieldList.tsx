import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { MONO_FONT } from '../styles';

export interface FieldRow {
  label: string;
  value: ReactNode;
  /** Monospace for identifiers, so digits line up and are easy to compare with the portal. */
  mono?: boolean;
}

/**
 * A definition list laid out as label | value pairs that flow into as many columns as fit (at least
 * `minColumnWidth` each), reading left to right. Labels share one width so values line up.
 */
export function FieldList({ rows, minColumnWidth = 280, labelWidth = 124 }: { rows: FieldRow[]; minColumnWidth?: number; labelWidth?: number }) {
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${minColumnWidth}px), 1fr))`, columnGap: 3, rowGap: 0.75 }}
    >
      {rows.map((r) => (
        <Box key={r.label} sx={{ display: 'grid', gridTemplateColumns: `${labelWidth}px minmax(0, 1fr)`, columnGap: 1.5, alignItems: 'baseline' }}>
          <Box component="dt" sx={{ color: 'text.secondary', typography: 'body2' }}>
            {r.label}
          </Box>
          <Box component="dd" sx={{ m: 0, typography: 'body2', minWidth: 0, overflowWrap: 'anywhere', ...(r.mono && { fontFamily: MONO_FONT, fontSize: '0.8125rem' }) }}>
            {r.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
