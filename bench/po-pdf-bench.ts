import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { openStore } from '../electron/core/db/store.js';
import { jobDocumentBuilder } from '../electron/core/jobs/documents.js';
import { createJobRunner } from '../electron/core/jobs/runner.js';
import { poDocDefinition, type PoDocumentInput } from '../electron/core/services/documents/po-pdf.js';
import { defaultPoSettings } from '../shared/domain/company.js';
import { emptyPoLine, poTotals, type PurchaseOrder } from '../shared/domain/purchase-order.js';
import { median, round, timedAsync } from './stats.js';

export interface PoPdfFigures {
  /**
   * Our PO PDF as the app makes it: handed to the job worker, the document definition built from the
   * PO and rendered there, the bytes back on the calling thread; median ms.
   */
  ms: number;
  /** pdfmake alone rendering the same document definition, built beforehand, median ms. */
  baselineMs: number;
  ratio: number;
}

/** A PO of `lines` renewal lines with the company and settings it prints with. */
function benchPo(lines: number): PoDocumentInput {
  const draftLines = Array.from({ length: lines }, (_, i) => ({
    ...emptyPoLine('renewal'),
    productSaleName: `Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types (Annual Runtime License for 10,000 barcode scans) #${i + 1}`,
    sku: `DBR-JS-${i + 1}`,
    description: 'Annual license renewal',
    licenseId: String(200_000 + i),
    itemId: String(104_200 + i),
    orderId: String(300_000 + i),
    currentExpiry: '2026-07-10',
    requestedTerm: '2026-07-11 to 2027-07-10',
    quantity: 1 + (i % 4),
    unitPriceMinor: 124_900 + i,
    discountBp: i % 3 === 0 ? 1000 : 0,
    taxBp: 500,
  }));
  const po: PurchaseOrder = {
    id: 1,
    number: 'PO-00200',
    status: 'draft',
    currency: 'USD',
    totalMinor: poTotals({ lines: draftLines }).total,
    orderDate: '2026-07-10',
    requestedDelivery: null,
    lines: draftLines,
    quote: { quoteId: '88123', validFrom: '2026-07-01', validTo: '2026-08-01' },
    paymentTerms: 'Net 30',
    deliveryMethod: 'Electronic delivery',
    requestedBy: { name: 'Ted Tech', title: 'Lead developer' },
    approvedBy: { name: 'Ann Approver', title: 'CFO' },
    notes: '',
    sourceOrderId: null,
    createdAt: '2026-07-10T12:00:00.000Z',
    updatedAt: '2026-07-10T12:00:00.000Z',
    sentAt: null,
    documents: null,
  };
  const address = { street: '12 Harbour Road', city: 'Halifax', region: 'NS', postalCode: 'B3H 1A1', country: 'Canada' };
  return {
    po,
    company: {
      legalName: 'Acme Scanning Ltd',
      address,
      billTo: null,
      shipTo: null,
      phone: '',
      taxId: '',
      billingContact: { name: 'Bea Billing', email: 'billing@acme.example', phone: '' },
      technicalContacts: [{ name: 'Ted Tech', email: 'ted@acme.example', phone: '' }],
      deploymentType: 'dynamsoft-hosted',
    },
    settings: defaultPoSettings('en-US'),
  };
}

/**
 * The PDF of a 200-line PO, ours (through the job worker, as po:generate and the preview run it)
 * against pdfmake alone rendering the same document definition on this thread, in the same run: runs
 * interleaved after warm-ups (the worker already started, as in a running app), medians compared.
 * Runs from the compiled build, so the worker is tsc's `worker.js`.
 */
export async function benchPoPdf(lines = 200, runs = 7): Promise<PoPdfFigures> {
  const input = benchPo(lines);
  // The worker opens its own connection to a store, as in the app; this one holds nothing else.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-bench-po-'));
  const store = await openStore(dir);
  const runner = createJobRunner({ dbFile: store.paths.dbFile, workerFile: path.join(__dirname, '../electron/core/jobs/worker.js') });
  const builder = jobDocumentBuilder(runner);
  try {
    // pdfmake annotates a definition while laying it out, so each baseline run gets a fresh one, built
    // outside its timer: the baseline is pdfmake's rendering alone.
    const copy = () => poDocDefinition(input);
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 2; i++) {
      await builder.pdf(input);
      await pdfmake.createPdf(copy()).getBuffer();
    }
    for (let i = 0; i < runs; i++) {
      const d = copy();
      base.push((await timedAsync(() => pdfmake.createPdf(d).getBuffer())).ms);
      ours.push((await timedAsync(() => builder.pdf(input))).ms);
    }
    const ms = round(median(ours), 1);
    const baselineMs = round(median(base), 1);
    return { ms, baselineMs, ratio: round(ms / baselineMs, 2) };
  } finally {
    await runner.close();
    store.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
