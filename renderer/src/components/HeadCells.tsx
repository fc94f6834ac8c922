import TableCell from '@mui/material/TableCell';

/** A plain table's column headings, bold; an empty label is a column of row actions. */
export function HeadCells({ labels }: { labels: readonly string[] }) {
  return labels.map((h, i) => (
    <TableCell key={`${i}:${h}`} sx={{ fontWeight: 600 }}>
      {h}
    </TableCell>
  ));
}
