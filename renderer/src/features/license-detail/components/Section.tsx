import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Right-aligned next to the heading: counts, small actions. */
  aside?: ReactNode;
  children: ReactNode;
}

/** One titled block of the detail page; a labelled region so screen readers can jump between them. */
export function Section({ title, aside, children }: Props) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2, minWidth: 0, height: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1.5, minHeight: 32 }}>
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}
