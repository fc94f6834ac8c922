import MailComposer from 'nodemailer/lib/mail-composer';
import type { CompanyProfile, Vendor } from '../../../../shared/domain/company.js';
import { formatMinor, lineAmounts, totalsOf } from '../../../../shared/domain/money.js';
import { lineReferences, PO_LINE_KIND_LABELS, type PurchaseOrder } from '../../../../shared/domain/purchase-order.js';

export interface PoEmailInput {
  po: PurchaseOrder;
  company: CompanyProfile;
  vendor: Vendor;
  pdf: Buffer;
  pdfFileName: string;
  /** The instant written in the Date header. */
  date: Date;
}

export function poEmailSubject(po: PurchaseOrder, company: CompanyProfile): string {
  return `Purchase order ${po.number} – ${company.legalName}`;
}

/** The plain-text body: who is buying, each line with its amount, the total, and who the contacts are. */
export function poEmailBody({ po, company, vendor }: Pick<PoEmailInput, 'po' | 'company' | 'vendor'>): string {
  const t = totalsOf(po.lines);
  const lines = po.lines.map((l, i) => {
    const refs = lineReferences(l);
    const kind = l.kind === 'new' ? '' : ` [${PO_LINE_KIND_LABELS[l.kind]}]`;
    const head = `${i + 1}. ${l.productSaleName}${kind}${l.sku ? ` (SKU ${l.sku})` : ''} – ${l.quantity} × ${formatMinor(l.unitPriceMinor)} = ${formatMinor(lineAmounts(l).total, po.currency)}`;
    return refs.length ? `${head}\n   ${refs.join('; ')}` : head;
  });
  const contacts = [`Billing: ${company.billingContact.name} <${company.billingContact.email}>`, ...company.technicalContacts.map((c) => `Technical: ${c.name} <${c.email}>`)];
  return [
    `Hello ${vendor.name} sales team,`,
    '',
    `Please find attached purchase order ${po.number} dated ${po.orderDate} from ${company.legalName}.`,
    po.quote ? `It refers to your quote ${po.quote.quoteId}.` : null,
    '',
    ...lines,
    '',
    `Total: ${formatMinor(t.total, po.currency)}${t.tax ? ` (including tax ${formatMinor(t.tax, po.currency)})` : ''}`,
    po.paymentTerms ? `Payment terms: ${po.paymentTerms}` : null,
    '',
    'Only these contacts should be able to see the licenses:',
    ...contacts,
    '',
    'Please reply with your invoice.',
    '',
    'Kind regards,',
    po.requestedBy.name || company.billingContact.name,
    company.legalName,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
}

/**
 * The PO as an unsent e-mail draft (.eml): `X-Unsent: 1` makes Outlook and Apple Mail open it as a
 * draft to send, CRLF line ends throughout (MailComposer leaves the body's LFs bare otherwise), and
 * the PDF attached.
 */
export function buildPoEml(input: PoEmailInput): Promise<Buffer> {
  const { po, company, vendor } = input;
  const composer = new MailComposer({
    from: { name: company.billingContact.name, address: company.billingContact.email },
    to: { name: vendor.name, address: vendor.email },
    cc: company.technicalContacts.filter((c) => c.email !== company.billingContact.email).map((c) => ({ name: c.name, address: c.email })),
    subject: poEmailSubject(po, company),
    text: poEmailBody(input),
    date: input.date,
    headers: { 'X-Unsent': '1' },
    newline: 'windows',
    attachments: [{ filename: input.pdfFileName, content: input.pdf, contentType: 'application/pdf' }],
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}

/** A `mailto:` link with the subject and body prefilled, for systems with no .eml handler. */
export function poMailto(input: Pick<PoEmailInput, 'po' | 'company' | 'vendor'>): string {
  const q = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(input.vendor.email)}?subject=${q(poEmailSubject(input.po, input.company))}&body=${q(poEmailBody(input))}`;
}
