import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { IpcError } from '../../api/client';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { EMPTY_VALUE } from '../../../../shared/domain/labels';

/** The seeded Dynamsoft catalogue plus the user's own products. */
export function ProductCatalogue() {
  const products = useQuery(queries.products());
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [editions, setEditions] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    try {
      const created = await write('products:create', {
        code: code.trim().toUpperCase(),
        name: name.trim(),
        editions: editions.split(',').map((s) => s.trim()).filter(Boolean),
      });
      setErrors({});
      setCode('');
      setName('');
      setEditions('');
      setNotice(`Added ${created.name}.`);
    } catch (err) {
      const issues = err instanceof IpcError ? err.issues : [];
      setErrors(issues.length ? Object.fromEntries(issues.map((i) => [i.path.split('.')[0] || 'form', i.message])) : { form: (err as Error).message });
    }
  };

  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography id="products-title" variant="h6" component="h2">
        Products
      </Typography>
      <Table size="small" aria-labelledby="products-title">
        <TableHead>
          <TableRow>
            <TableCell sx={{ fontWeight: 600, width: 90 }}>Code</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>Product</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>Editions</TableCell>
            <TableCell sx={{ fontWeight: 600, width: 110 }}>Source</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(products.data ?? []).map((p) => (
            <TableRow key={p.code}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{p.code}</TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell sx={{ whiteSpace: 'normal' }}>{p.editions.join(', ') || EMPTY_VALUE}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" label={p.builtIn ? 'Built in' : 'Added'} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack component="form" onSubmit={submit} noValidate aria-label="Add a product" direction="row" sx={{ gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField size="small" label="Code" value={code} onChange={(e) => setCode(e.target.value)} error={Boolean(errors.code)} helperText={errors.code ?? 'e.g. DCVX'} sx={{ width: 140 }} />
        <TextField size="small" label="Product name" value={name} onChange={(e) => setName(e.target.value)} error={Boolean(errors.name)} helperText={errors.name ?? ' '} sx={{ width: 280 }} />
        <TextField size="small" label="Editions" value={editions} onChange={(e) => setEditions(e.target.value)} error={Boolean(errors.editions)} helperText={errors.editions ?? 'Separated by commas'} sx={{ width: 320 }} />
        <Button type="submit" variant="outlined" sx={{ mt: 0.25 }}>
          Add product
        </Button>
      </Stack>
      {products.error && <Alert severity="error">Could not load the products: {products.error.message}</Alert>}
      {errors.form && <Alert severity="error">{errors.form}</Alert>}
      {notice && <Alert severity="success">{notice}</Alert>}
    </Stack>
  );
}
