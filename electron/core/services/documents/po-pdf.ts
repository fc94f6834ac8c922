import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { addressLines, DEPLOYMENT_LABELS, type Address, type CompanyProfile, type PoSettings } from '../../../../shared/domain/company.js';
import { formatBp, formatMinor, lineAmounts, ROUNDING_NOTE, totalsOf } from '../../../../shared/domain/money.js';
import { lineReferences, PO_LINE_KIND_LABELS, type PurchaseOrder } from '../../../../shared/domain/purchase-order.js';

/** What one PO document is made from: the order, the buyer and the PO settings (vendor, page size). */
export interface PoDocumentInput {
  po: PurchaseOrder;
  company: CompanyProfile;
  settings: PoSettings;
}

// The 14 standard PDF fonts need no font files. pdfmake 0.3 asks for explicit access policies on the
// server (it warns on every createPdf otherwise); the local policy must still let the standard font
// names through, or it refuses "Helvetica-Bold" as a local file (toolchain notes, gotcha 18).
pdfmake.setFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => /^Helvetica(-\w+)?$/.test(p));

const MUTED = '#555555';
const RULE = '#b0b0b0';
const HEAD_FILL = '#e8edf3';

function block(title: string, lines: string[]): Content {
  return { stack: [{ text: title, style: 'blockTitle' }, ...lines.map((l) => ({ text: l }))] };
}

function contactLine(c: { name: string; email: string; phone: string }): string {
  return [c.name, c.email, c.phone].filter(Boolean).join(' · ');
}

function addressOr(a: Address | null, fallback: Address): string[] {
  return addressLines(a ?? fallback);
}

function lineTable(po: PurchaseOrder): Content {
  const num = { alignment: 'right' as const };
  const header: TableCell[] = ['#', 'Product and description', 'SKU', 'Qty', 'Unit price', 'Discount', 'Tax', 'Amount'].map((h, i) => ({
    text: h,
    style: 'tableHead',
    alignment: i >= 3 ? 'right' : 'left',
  }));
  const rows: TableCell[][] = po.lines.map((l, i) => {
    const a = lineAmounts(l);
    const refs = [l.kind === 'new' ? '' : PO_LINE_KIND_LABELS[l.kind], ...lineReferences(l)].filter(Boolean).join(' · ');
    return [
      { text: String(i + 1) },
      { stack: [{ text: l.productSaleName, bold: true }, l.description ? { text: l.description, fontSize: 8 } : '', refs ? { text: refs, style: 'detail' } : ''] },
      // Vendor SKUs run to about 14 characters (DWT-PRO-1001, DBR-JS-50K-1Y): room for them on one line.
      { text: l.sku, fontSize: 8 },
      { text: l.quantity.toLocaleString('en-US'), ...num },
      { text: formatMinor(l.unitPriceMinor), ...num },
      { text: l.discountBp ? `${formatBp(l.discountBp)}\n-${formatMinor(a.discount)}` : '', ...num },
      { text: l.taxBp ? `${formatBp(l.taxBp)}\n${formatMinor(a.tax)}` : '', ...num },
      { text: formatMinor(a.total), ...num },
    ];
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [14, '*', 66, 28, 52, 46, 44, 58], body: [header, ...rows] },
    layout: {
      fillColor: (row: number) => (row === 0 ? HEAD_FILL : row % 2 === 0 ? '#f7f7f7' : null),
      hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

function totalsTable(po: PurchaseOrder): Content {
  const t = totalsOf(po.lines);
  const row = (label: string, value: string, bold = false): TableCell[] => [
    { text: label, bold },
    { text: value, alignment: 'right', bold },
  ];
  const body: TableCell[][] = [row('Subtotal', formatMinor(t.subtotal))];
  if (t.discount) body.push(row('Discount', `-${formatMinor(t.discount)}`));
  body.push(row('Tax', formatMinor(t.tax)), row(`Total (${po.currency})`, formatMinor(t.total, po.currency), true));
  return {
    columns: [
      { width: '*', text: '' },
      { width: 220, table: { widths: ['*', 'auto'], body }, layout: { hLineWidth: (i: number, node) => (i === node.table.body.length - 1 ? 0.8 : 0), vLineWidth: () => 0, hLineColor: () => RULE } },
    ],
    margin: [0, 8, 0, 0],
  };
}

function signature(label: string, who: { name: string; title: string }): Content {
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.6, lineColor: '#333333' }], margin: [0, 28, 0, 2] },
      { text: `${label}: ${[who.name, who.title].filter(Boolean).join(', ') || '________________'}`, style: 'detail' },
      { text: 'Signature and date', style: 'detail' },
    ],
  };
}

function termsBlock(po: PurchaseOrder): Content[] {
  const terms: string[] = [];
  if (po.paymentTerms) terms.push(`Payment terms: ${po.paymentTerms}`);
  if (po.deliveryMethod) terms.push(`Delivery: ${po.deliveryMethod}`);
  if (po.requestedDelivery) terms.push(`Requested delivery: ${po.requestedDelivery}`);
  if (po.quote) {
    const window = po.quote.validFrom || po.quote.validTo ? ` (valid ${po.quote.validFrom ?? '…'} to ${po.quote.validTo ?? '…'})` : '';
    terms.push(`Quote reference: ${po.quote.quoteId}${window}`);
  }
  terms.push(`Amounts in ${po.currency}. ${ROUNDING_NOTE}`);
  const out: Content[] = [{ text: 'Terms', style: 'section' }, ...terms.map((t) => ({ text: t }))];
  if (po.notes) out.push({ text: 'Notes', style: 'section' }, { text: po.notes });
  return out;
}

/** The pdfmake document definition for one PO: plain data, so it can be tested and benchmarked alone. */
export function poDocDefinition({ po, company, settings }: PoDocumentInput): TDocumentDefinitions {
  const v = settings.vendor;
  const buyer = [company.legalName, ...addressLines(company.address), company.phone && `Phone ${company.phone}`, company.taxId && `Tax ID ${company.taxId}`].filter(Boolean) as string[];
  const vendorLines = [v.name, ...v.address.split(/\r?\n/), v.email && `E-mail ${v.email}`, v.phone && `Phone ${v.phone}`, v.fax && `Fax ${v.fax}`].filter(Boolean) as string[];
  const contacts = [`Billing: ${contactLine(company.billingContact)}`, ...company.technicalContacts.map((c) => `Technical: ${contactLine(c)}`)];
  return {
    pageSize: settings.pageSize,
    pageMargins: [40, 40, 40, 48],
    info: {
      title: `Purchase order ${po.number}`,
      author: company.legalName,
      subject: `Purchase order ${po.number} from ${company.legalName} to ${v.name}`,
      creator: 'License Desk',
      keywords: `purchase order, ${po.number}`,
    },
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true },
      company: { fontSize: 12, bold: true },
      blockTitle: { bold: true, fontSize: 8, color: MUTED, margin: [0, 0, 0, 2] },
      section: { bold: true, fontSize: 10, margin: [0, 10, 0, 3] },
      tableHead: { bold: true, fontSize: 8 },
      detail: { fontSize: 7.5, color: MUTED },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `${po.number} · ${company.legalName}`, color: MUTED, fontSize: 8 },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', color: MUTED, fontSize: 8 },
      ],
      margin: [40, 16, 40, 0],
    }),
    content: [
      {
        columns: [
          { width: '*', stack: [{ text: company.legalName, style: 'company' }, ...buyer.slice(1).map((l) => ({ text: l }))] },
          {
            width: 'auto',
            alignment: 'right',
            stack: [{ text: 'PURCHASE ORDER', style: 'title' }, { text: `PO number: ${po.number}`, bold: true }, { text: `Date: ${po.orderDate}` }],
          },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.8, lineColor: RULE }], margin: [0, 8, 0, 8] },
      {
        columns: [block('VENDOR', vendorLines), block('BILL TO', [company.legalName, ...addressOr(company.billTo, company.address)]), block('SHIP TO', [company.legalName, ...addressOr(company.shipTo, company.address)])],
        columnGap: 12,
      },
      {
        columns: [block('CONTACTS (only these e-mails can see the licenses)', contacts), block('DEPLOYMENT', [DEPLOYMENT_LABELS[company.deploymentType]])],
        columnGap: 12,
        margin: [0, 8, 0, 10],
      },
      lineTable(po),
      totalsTable(po),
      ...termsBlock(po),
      { columns: [signature('Requested by', po.requestedBy), signature('Approved by', po.approvedBy)], columnGap: 40, unbreakable: true, margin: [0, 12, 0, 0] },
    ],
  };
}

/**
 * Render a document definition to PDF bytes with pdfmake; `onProgress` hears the share of it drawn
 * (0–1). pdfmake keeps one progress callback for all documents but copies it into each createPdf
 * call, so setting it right before the call gives every document its own.
 */
export function renderPdf(def: TDocumentDefinitions, onProgress?: (share: number) => void): Promise<Buffer> {
  // Only set when asked for: with a callback pdfmake counts every item first.
  if (!onProgress) return pdfmake.createPdf(def).getBuffer();
  // @types/pdfmake types the callback as required; pdfmake takes undefined for "none" (js/base.js).
  const setProgress = pdfmake.setProgressCallback.bind(pdfmake) as (callback: ((share: number) => void) | undefined) => void;
  setProgress(onProgress);
  const doc = pdfmake.createPdf(def);
  setProgress(undefined);
  return doc.getBuffer();
}

/** The PO as PDF bytes. */
export function poPdf(input: PoDocumentInput): Promise<Buffer> {
  return renderPdf(poDocDefinition(input));
}
