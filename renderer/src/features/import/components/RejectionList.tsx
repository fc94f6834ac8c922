import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RowRejection } from '../../../../../shared/domain/import';
import { count, describeRejection, rejectionHeading } from '../labels';

// A file of thousands of bad rows would make a list nobody reads; the first ones show the pattern.
const SHOWN = 200;

export function RejectionList({ rejections }: { rejections: RowRejection[] }) {
  if (rejections.length === 0) return null;
  return (
    <Stack sx={{ gap: 0.5 }}>
      <Typography variant="subtitle2" component="h3" id="import-rejections-heading">
        {rejectionHeading(rejections)}
      </Typography>
      <Paper variant="outlined" sx={{ maxHeight: 180, overflow: 'auto' }}>
        <List dense disablePadding aria-label="Rejected rows">
          {rejections.slice(0, SHOWN).map((r, i) => (
            <ListItem key={`${r.line}-${r.column ?? ''}-${i}`} divider={i < Math.min(rejections.length, SHOWN) - 1}>
              <ListItemText primary={describeRejection(r)} slotProps={{ primary: { variant: 'body2', sx: { color: 'error.main' } } }} />
            </ListItem>
          ))}
          {rejections.length > SHOWN && (
            <ListItem>
              <ListItemText primary={`…and ${count(rejections.length - SHOWN, 'more problem')}`} slotProps={{ primary: { variant: 'body2' } }} />
            </ListItem>
          )}
        </List>
      </Paper>
    </Stack>
  );
}
