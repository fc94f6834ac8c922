import { describe, expect, it } from 'vitest';
import { buildPoEml, poEmailBody, poMailto } from '../../../electron/core/services/documents/eml.js';
import { poPdf } from '../../../electron/core/services/documents/po-pdf.js';
import { DEFAULT_VENDOR } from '../../../shared/domain/company.js';
import { formatMinor, totalsOf } from '../../../shared/domain/money.js';
import { companyProfile, poDraft, poSettings, purchaseOrder } from '../../fixtures/purchase.js';

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** A small RFC 5322 / MIME reader: unfolded headers, then the body; enough to take the draft apart. */
function parsePart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function children(part: Part): Part[] {
  const boundary = /boundary="?([^";]+)"?/.exec(part.headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [];
  return part.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => parsePart(chunk.replace(/^\r\n/, '')));
}

function leaves(part: Part): Part[] {
  const kids = children(part);
  return kids.length ? kids.flatMap(leaves) : [part];
}

/** Decode an RFC 2047 encoded-word header the way a mail client shows it. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

describe('PO e-mail draft', () => {
  it('is an unsent CRLF message to sales with the PO number and company in the subject and the PDF attached byte for byte', async () => {
    const po = purchaseOrder(poDraft(3));
    const company = companyProfile();
    const pdf = await poPdf({ po, company, settings: poSettings() });
    const eml = await buildPoEml({ po, company, vendor: DEFAULT_VENDOR, pdf, pdfFileName: 'PO-00042.pdf', date: new Date('2026-07-10T12:00:00Z') });
    const raw = eml.toString('latin1');
    if (process.env.PO_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.PO_PDF_OUT + '/po.eml', eml);

    // Every line ends in CRLF: no bare LF and no bare CR anywhere.
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).not.toMatch(/\r(?!\n)/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);

    const msg = parsePart(raw);
    expect(msg.headers.get('x-unsent')).toBe('1');
    expect(msg.headers.get('to')).toContain('sales@dynamsoft.com');
    expect(msg.headers.get('from')).toContain('billing@acme.example');
    expect(msg.headers.get('cc')).toContain('ted@acme.example');
    expect(msg.headers.get('mime-version')).toBe('1.0');
    expect(msg.headers.get('date')).toBe('Fri, 10 Jul 2026 12:00:00 +0000');
    expect(decodeWords(msg.headers.get('subject') ?? '')).toBe('Purchase order PO-00042 – Acme Scanning Ltd');

    const parts = leaves(msg);
    const text = parts.find((p) => p.headers.get('content-type')?.startsWith('text/plain'));
    const attachment = parts.find((p) => p.headers.get('content-type')?.startsWith('application/pdf'));
    expect(text).toBeDefined();
    expect(attachment?.headers.get('content-disposition')).toMatch(/attachment; filename=PO-00042\.pdf/);
    expect(attachment?.headers.get('content-transfer-encoding')).toBe('base64');
    const decoded = Buffer.from((attachment?.body ?? '').replace(/\s+/g, ''), 'base64');
    expect(decoded.equals(pdf)).toBe(true);

    const body = text?.headers.get('content-transfer-encoding') === 'quoted-printable'
      ? Buffer.from(text.body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : (text?.body ?? '');
    expect(body).toContain('purchase order PO-00042');
    expect(body).toContain(`Total: USD ${formatMinor(totalsOf(po.lines).total)}`);
    for (const l of po.lines) expect(body).toContain(l.productSaleName);
  });

  it('summarises renewals with their license references, and a mailto link carries the same body', () => {
    const po = purchaseOrder(poDraft(1));
    const input = { po, company: companyProfile(), vendor: DEFAULT_VENDOR };
    const body = poEmailBody(input);
    expect(body).toContain('[Renewal]');
    expect(body).toContain('License ID 200001');
    expect(body).toContain('Technical: Ted Tech <ted@acme.example>');
    const link = new URL(poMailto(input));
    expect(link.protocol).toBe('mailto:');
    expect(decodeURIComponent(link.pathname)).toBe('sales@dynamsoft.com');
    expect(link.searchParams.get('subject')).toBe('Purchase order PO-00042 – Acme Scanning Ltd');
    expect(link.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));
  });
});
