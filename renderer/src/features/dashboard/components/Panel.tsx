import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

interface PanelProps {
  title: string;
  /** Short context after the title, e.g. "3 items". */
  subtitle?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}

/** An outlined dashboard section with an h2, labelled by that heading for landmark navigation. */
export function Panel({ title, subtitle, action, children }: PanelProps) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ display: 'flex', flexDirection: 'column', minWidth: 0, overflow: 'hidden' }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, px: 2, pt: 1.5, pb: 1, minHeight: 44 }}>
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="textSecondary" noWrap sx={{ flexGrow: 1, minWidth: 0 }}>
            {subtitle}
          </Typography>
        )}
        {!subtitle && <span style={{ flexGrow: 1 }} />}
        {action}
      </Stack>
      {children}
    </Paper>
  );
}
