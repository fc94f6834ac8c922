import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { poDocDefinition, poPdf } from '../../../electron/core/services/documents/po-pdf.js';
import { formatMinor, lineAmounts, totalsOf } from '../../../shared/domain/money.js';
import { TempDirs } from '../../fixtures/builders.js';
import { companyProfile, poDraft, poSettings, purchaseOrder } from '../../fixtures/purchase.js';

const dirs = new TempDirs();
afterEach(() => dirs.cleanup());

/** Write the PDF and read it back the way a person's viewer would: poppler's pdftotext and pdfinfo. */
function readBack(pdf: Buffer, name = 'po.pdf'): { pages: string[]; info: string } {
  // PO_PDF_OUT=dir keeps the files, to render them with pdftoppm and look at them.
  const file = path.join(process.env.PO_PDF_OUT ?? dirs.make(), name);
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: text.split('\f').filter((p) => p.trim() !== ''), info };
}

describe('PO PDF', () => {
  it('holds the company, PO number, vendor, addresses, every line, the totals, terms and signatures', async () => {
    const po = purchaseOrder(poDraft(3));
    const { pages, info } = readBack(await poPdf({ po, company: companyProfile(), settings: poSettings({ pageSize: 'A4' }) }));
    const all = pages.join('\n');
    expect(pages).toHaveLength(1);
    for (const s of ['Acme Scanning Ltd', 'PURCHASE ORDER', 'PO number: PO-00042', 'Date: 2026-07-10', 'Dynamsoft Corporation', 'sales@dynamsoft.com', 'BILL TO', 'SHIP TO', '99 Depot Lane', 'billing@acme.example', 'ted@acme.example', 'Quote reference: Q-88123', 'Payment terms: Net 30', 'Requested by: Ted Tech', 'Approved by: Ann Approver', 'Page 1 of 1', 'rounded half up']) {
      expect(all).toContain(s);
    }
    for (const [i, l] of po.lines.entries()) {
      expect(all).toContain(`line ${i + 1}`);
      expect(all).toContain(l.sku);
      expect(all).toContain(`License ID ${l.licenseId}`);
      expect(all).toContain(formatMinor(lineAmounts(l).total));
    }
    const t = totalsOf(po.lines);
    expect(all).toContain(formatMinor(t.subtotal));
    expect(all).toContain(formatMinor(t.tax));
    expect(all).toContain(`USD ${formatMinor(t.total)}`);
    expect(info).toMatch(/Title:\s+Purchase order PO-00042/);
    expect(info).toMatch(/Author:\s+Acme Scanning Ltd/);
    expect(info).toMatch(/Subject:\s+Purchase order PO-00042 from Acme Scanning Ltd to Dynamsoft Corporation/);
    expect(info).toMatch(/Page size:\s+595.* x 841.* \(A4\)/);
  });

  it('spreads a 60-line order over pages, repeating the table header and numbering pages x of y', async () => {
    const po = purchaseOrder(poDraft(60));
    const { pages } = readBack(await poPdf({ po, company: companyProfile(), settings: poSettings({ pageSize: 'LETTER' }) }), 'po-60.pdf');
    expect(pages.length).toBeGreaterThan(1);
    // Every page that carries line items starts with the table header; a last page may hold only the
    // totals, terms and signatures.
    const withLines = pages.filter((page) => po.lines.some((l) => page.includes(l.sku)));
    expect(withLines.length).toBeGreaterThan(1);
    for (const page of withLines) expect(page).toMatch(/Product and description\s+SKU\s+Qty\s+Unit price/);
    for (const [i, page] of pages.entries()) expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    const all = pages.join('\n');
    for (const l of po.lines) expect(all).toContain(l.sku);
    expect(all).toContain(`USD ${formatMinor(totalsOf(po.lines).total)}`);
  });

  it('is plain data before rendering: the metadata and page size come from the inputs', () => {
    const def = poDocDefinition({ po: purchaseOrder(), company: companyProfile(), settings: poSettings({ pageSize: 'LETTER' }) });
    expect(def.pageSize).toBe('LETTER');
    expect(def.info?.title).toBe('Purchase order PO-00042');
  });
});
