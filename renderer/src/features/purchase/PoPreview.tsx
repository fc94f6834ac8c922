import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { addressLines, type CompanyProfile, type PoSettings } from '../../../../shared/domain/company';
import { formatMinor, lineAmounts, totalsOf } from '../../../../shared/domain/money';
import type { PoDraft } from '../../../../shared/domain/purchase-order';

/** Lines that fit under the header blocks of the PDF's first page, a little under what pdfmake fits. */
const FIRST_PAGE_LINES = 6;

interface Props {
  draft: PoDraft | null;
  number: string;
  company: CompanyProfile | null;
  settings: PoSettings;
}

/**
 * The first page of the PDF as it will print: the same blocks in the same order (po-pdf.ts), on
 * white paper whatever the app's theme. Figures come from the same money functions as the PDF.
 */
export function PoPreview({ draft, number, company, settings }: Props) {
  const v = settings.vendor;
  const lines = draft?.lines ?? [];
  const shown = lines.slice(0, FIRST_PAGE_LINES);
  const totals = totalsOf(lines);
  const small = { fontSize: 9, lineHeight: 1.35 };
  return (
    <Box
      role="img"
      aria-label={`Preview of the first page of purchase order ${number}`}
      sx={{ bgcolor: '#fff', color: '#111', border: '1px solid', borderColor: 'divider', boxShadow: 3, p: 2.5, aspectRatio: settings.pageSize === 'A4' ? '210 / 297' : '8.5 / 11', overflow: 'hidden', fontFamily: 'Helvetica, Arial, sans-serif' }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
        <Box sx={small}>
          <Typography sx={{ fontWeight: 700, fontSize: 12 }}>{company?.legalName ?? 'Your company (fill in Settings)'}</Typography>
          {company && addressLines(company.address).map((l) => <div key={l}>{l}</div>)}
        </Box>
        <Box sx={{ textAlign: 'right', ...small }}>
          <Typography sx={{ fontWeight: 700, fontSize: 15, letterSpacing: 0.5 }}>PURCHASE ORDER</Typography>
          <div style={{ fontWeight: 700 }}>PO number: {number}</div>
          <div>Date: {draft?.orderDate ?? '—'}</div>
        </Box>
      </Box>
      <Box sx={{ borderTop: '1px solid #bbb', my: 1 }} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 1.5, ...small }}>
        {[
          ['VENDOR', [v.name, ...v.address.split('\n'), v.email]],
          ['BILL TO', company ? [company.legalName, ...addressLines(company.billTo ?? company.address)] : []],
          ['SHIP TO', company ? [company.legalName, ...addressLines(company.shipTo ?? company.address)] : []],
        ].map(([title, ls]) => (
          <div key={title as string}>
            <div style={{ fontWeight: 700, color: '#555', fontSize: 8 }}>{title as string}</div>
            {(ls as string[]).map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        ))}
      </Box>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', mt: 1.5, ...small, '& th': { bgcolor: '#e8edf3', textAlign: 'left', p: '3px 4px', fontSize: 8 }, '& td': { p: '3px 4px', borderTop: '1px solid #ddd', verticalAlign: 'top' }, '& .num': { textAlign: 'right', whiteSpace: 'nowrap' } }}>
        <thead>
          <tr>
            <th>#</th>
            <th>Product and description</th>
            <th>SKU</th>
            <th className="num">Qty</th>
            <th className="num">Unit price</th>
            <th className="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((l, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <b>{l.productSaleName}</b>
                {l.description && <div>{l.description}</div>}
              </td>
              <td>{l.sku}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{formatMinor(l.unitPriceMinor)}</td>
              <td className="num">{formatMinor(lineAmounts(l).total)}</td>
            </tr>
          ))}
        </tbody>
      </Box>
      {lines.length > shown.length ? (
        <Typography sx={{ ...small, color: '#555', mt: 1 }}>… {lines.length - shown.length} more lines continue on the next pages, under the same table header.</Typography>
      ) : (
        <Box sx={{ textAlign: 'right', mt: 1, ...small }}>
          <div>Subtotal {formatMinor(totals.subtotal)}</div>
          <div>Tax {formatMinor(totals.tax)}</div>
          <div style={{ fontWeight: 700 }}>Total {formatMinor(totals.total, settings.currency)}</div>
        </Box>
      )}
      {!draft && <Typography sx={{ ...small, color: '#a00', mt: 1 }}>Fix the marked fields to see the lines here.</Typography>}
    </Box>
  );
}
