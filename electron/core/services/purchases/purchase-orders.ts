import { formatPoNumber, type CompanyProfile } from '../../../../shared/domain/company.js';
import type { LicenseItem } from '../../../../shared/domain/license.js';
import { formatQuota } from '../../../../shared/domain/quota.js';
import { emptyPoLine, formatPeriod, poTotals, type PoDraft, type PoLine, type PoStatus, type PoSummary, type PurchaseOrder } from '../../../../shared/domain/purchase-order.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import type { PlatformPort } from '../../platform/port.js';
import type { OrderService } from '../orders/service.js';
import type { PoDocumentBuilder } from '../documents/build.js';
import { poMailto } from '../documents/eml.js';
import { takePoNumber } from '../documents/numbering.js';
import type { ProfileService } from './profile.js';


export type GenerateResult = { saved: false } | { saved: true; pdfFile: string; emlFile: string; mailto: string; po: PurchaseOrder };

export interface PurchaseOrderService {
  list(): PoSummary[];
  /** POs with a line for this license item. */
  naming(licenseId: number): PoSummary[];
  get(id: number): PurchaseOrder;
  /** Creates a draft and gives it the next PO number, for good. */
  create(draft: PoDraft): PurchaseOrder;
  update(id: number, draft: PoDraft): PurchaseOrder;
  /** Deletes a draft or cancelled PO; its number stays used. */
  remove(id: number): { id: number; number: string };
  cancel(id: number): PurchaseOrder;
  markSent(id: number): PurchaseOrder;
  /** Renders the PDF and the .eml and saves both through the platform; the PO stays a draft. */
  generate(id: number): Promise<GenerateResult>;
  /** The PDF a draft would print as (unsaved edits included), for the builder's preview; nothing is saved. */
  previewPdf(draft: PoDraft, id: number | null): Promise<{ number: string; pdf: Uint8Array }>;
  /** Lines for renewing the given license items, ready to price. */
  linesForLicenses(ids: number[], licenses: (id: number) => LicenseItem): PoLine[];
  /** Lines for a renewal or add-quota order, ready to price; the PO then refers to the order. */
  linesForOrder(orderId: number): PoLine[];
  /** Opens the saved .eml in the system's mail client. */
  openEmail(id: number): Promise<void>;
  /** The mailto: fallback: a new message with the body prefilled, and the PDF shown in its folder to attach. */
  openMailto(id: number): Promise<{ opened: boolean; pdfFile: string }>;
  revealPdf(id: number): Promise<void>;
  /** A product's store page from the PO settings (or the store's front page); false if the opener refuses it. */
  openStore(productCode: string | null): Promise<boolean>;
}

interface PoRow {
  id: number;
  number: string;
  status: PoStatus;
  currency: PurchaseOrder['currency'];
  total_minor: number;
  draft: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  pdf_file: string | null;
  eml_file: string | null;
  generated_at: string | null;
}

function toPo(r: PoRow): PurchaseOrder {
  const draft = JSON.parse(r.draft) as PoDraft;
  return {
    ...draft,
    id: r.id,
    number: r.number,
    status: r.status,
    currency: r.currency,
    totalMinor: r.total_minor,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    documents: r.pdf_file && r.eml_file && r.generated_at ? { pdfFile: r.pdf_file, emlFile: r.eml_file, generatedAt: r.generated_at } : null,
  };
}

function toSummary(po: PurchaseOrder): PoSummary {
  return {
    id: po.id,
    number: po.number,
    status: po.status,
    currency: po.currency,
    totalMinor: po.totalMinor,
    orderDate: po.orderDate,
    createdAt: po.createdAt,
    sentAt: po.sentAt,
    sourceOrderId: po.sourceOrderId,
    lineCount: po.lines.length,
    firstLine: po.lines[0]?.productSaleName ?? '',
  };
}

/** What the Settings page must hold before a PO can be printed, in the words of its fields. */
export const COMPANY_REQUIRED = 'the company legal name and address, a billing contact and at least one technical contact';

function requireCompany(company: CompanyProfile | null): CompanyProfile {
  if (!company) throw new AppError('INVALID_INPUT', `Fill in the company profile in Settings first: ${COMPANY_REQUIRED}.`, [{ path: 'company', message: 'Company profile missing' }]);
  return company;
}

/** A failed save in plain words; the PO itself is already stored, so nothing is lost. */
function saveFailure(err: unknown, number: string): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  const base =
    err instanceof AppError
      ? err.message
      : code === 'ENOSPC'
        ? 'The disk is full.'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'That folder cannot be written to.'
          : `The file could not be written (${code ?? 'unknown error'}).`;
  return new AppError(err instanceof AppError ? err.code : 'CONFLICT', `${base} Purchase order ${number} is kept as it was; try another place.`);
}

export function createPurchaseOrderService(
  db: WritableDb,
  clock: Clock,
  profile: ProfileService,
  orders: OrderService,
  platform: () => PlatformPort | null,
  builder: PoDocumentBuilder,
): PurchaseOrderService {
  const byId = db.prepare('SELECT * FROM purchase_orders WHERE id = ?');
  const nowIso = () => clock.now().toISOString();

  function get(id: number): PurchaseOrder {
    const row = byId.get(id) as PoRow | undefined;
    if (!row) throw notFound('That purchase order');
    return toPo(row);
  }

  function port(): PlatformPort {
    const p = platform();
    if (!p) throw new AppError('INTERNAL', 'Saving and opening files is not available in this window.');
    return p;
  }

  function documentsOf(po: PurchaseOrder): NonNullable<PurchaseOrder['documents']> {
    if (!po.documents) throw new AppError('CONFLICT', `Generate the PDF and e-mail draft of ${po.number} first.`);
    return po.documents;
  }

  function requireStatus(po: PurchaseOrder, allowed: PoStatus[], action: string): void {
    if (!allowed.includes(po.status)) throw new AppError('CONFLICT', `Purchase order ${po.number} is ${po.status}; it cannot be ${action}.`);
  }

  return {
    list() {
      return (db.prepare('SELECT * FROM purchase_orders ORDER BY created_at DESC, id DESC').all() as PoRow[]).map((r) => toSummary(toPo(r)));
    },
    naming(licenseId) {
      const rows = db
        .prepare(
          `SELECT DISTINCT po.* FROM purchase_orders po, json_each(po.draft, '$.lines') line
           WHERE json_extract(line.value, '$.licenseItemRef') = ? ORDER BY po.created_at DESC`,
        )
        .all(licenseId) as PoRow[];
      return rows.map((r) => toSummary(toPo(r)));
    },
    get,
    create(draft) {
      const settings = profile.poSettings();
      const id = writeTransaction(db, () => {
        const now = nowIso();
        const number = takePoNumber(db, settings, now);
        return db
          .prepare(
            `INSERT INTO purchase_orders (number, status, currency, total_minor, draft, source_order_id, created_at, updated_at)
             VALUES (?, 'draft', ?, ?, ?, ?, ?, ?)`,
          )
          .run(number, settings.currency, poTotals(draft).total, JSON.stringify(draft), draft.sourceOrderId, now, now).lastInsertRowid;
      });
      return get(Number(id));
    },
    update(id, draft) {
      writeTransaction(db, () => {
        requireStatus(get(id), ['draft'], 'edited');
        db.prepare('UPDATE purchase_orders SET draft = ?, total_minor = ?, source_order_id = ?, updated_at = ?, pdf_file = NULL, eml_file = NULL, generated_at = NULL WHERE id = ?').run(
          JSON.stringify(draft),
          poTotals(draft).total,
          draft.sourceOrderId,
          nowIso(),
          id,
        );
      });
      return get(id);
    },
    remove(id) {
      return writeTransaction(db, () => {
        const po = get(id);
        requireStatus(po, ['draft', 'cancelled'], 'deleted (a sent PO is a record of what was ordered)');
        db.prepare('DELETE FROM purchase_orders WHERE id = ?').run(id);
        return { id, number: po.number };
      });
    },
    cancel(id) {
      writeTransaction(db, () => {
        requireStatus(get(id), ['draft', 'sent'], 'cancelled');
        db.prepare("UPDATE purchase_orders SET status = 'cancelled', updated_at = ? WHERE id = ?").run(nowIso(), id);
      });
      return get(id);
    },
    markSent(id) {
      writeTransaction(db, () => {
        const po = get(id);
        requireStatus(po, ['draft'], 'marked as sent');
        const now = nowIso();
        db.prepare("UPDATE purchase_orders SET status = 'sent', sent_at = ?, updated_at = ? WHERE id = ?").run(now, now, id);
        // The order the PO was written for moves to Sent with it, in the same transaction.
        if (po.sourceOrderId !== null && orders.get(po.sourceOrderId).state === 'draft') orders.transition(po.sourceOrderId, 'sent', `Purchase order ${po.number} sent`);
      });
      return get(id);
    },
    async generate(id) {
      const po = get(id);
      requireStatus(po, ['draft', 'sent'], 'printed');
      const company = requireCompany(profile.company());
      const settings = profile.poSettings();
      const out = port();
      const pdfName = `${po.number}.pdf`;
      const { pdf, eml } = await builder.documents({ po, company, settings, pdfFileName: pdfName, date: nowIso() });
      let pdfFile: { path: string } | null;
      let emlFile: { path: string } | null;
      try {
        pdfFile = await out.saveFile({ suggestedName: pdfName, content: pdf, filter: { name: 'PDF document', extensions: ['pdf'] } });
        if (!pdfFile) return { saved: false };
        emlFile = await out.saveFile({ suggestedName: `${po.number}.eml`, content: eml, filter: { name: 'E-mail draft', extensions: ['eml'] } });
        if (!emlFile) return { saved: false };
      } catch (err) {
        throw saveFailure(err, po.number);
      }
      const saved = { pdf: pdfFile.path, eml: emlFile.path };
      writeTransaction(db, () => db.prepare('UPDATE purchase_orders SET pdf_file = ?, eml_file = ?, generated_at = ? WHERE id = ?').run(saved.pdf, saved.eml, nowIso(), id));
      return { saved: true, pdfFile: saved.pdf, emlFile: saved.eml, mailto: poMailto({ po, company, vendor: settings.vendor }), po: get(id) };
    },
    async previewPdf(draft, id) {
      const company = requireCompany(profile.company());
      const settings = profile.poSettings();
      const stored = id === null ? null : get(id);
      const now = nowIso();
      const po: PurchaseOrder = {
        ...draft,
        id: stored?.id ?? 0,
        // A new draft shows the number it will most likely get; it is taken only when saved.
        number: stored?.number ?? formatPoNumber(settings.numberPrefix, settings.nextSequence, settings.sequenceDigits),
        status: stored?.status ?? 'draft',
        currency: stored?.currency ?? settings.currency,
        totalMinor: poTotals(draft).total,
        createdAt: stored?.createdAt ?? now,
        updatedAt: now,
        sentAt: stored?.sentAt ?? null,
        documents: null,
      };
      return { number: po.number, pdf: await builder.pdf({ po, company, settings }) };
    },
    linesForOrder(orderId) {
      const order = orders.get(orderId);
      if (order.state !== 'draft') throw new AppError('CONFLICT', `Order #${orderId} is ${order.state}; a PO is written for a draft order.`);
      return order.lines.map((l) => ({
        ...emptyPoLine(order.kind === 'add-quota' ? 'addQuota' : order.kind === 'renewal' ? 'renewal' : 'new'),
        productSaleName: [l.productName, l.edition].filter(Boolean).join(' '),
        description: order.kind === 'add-quota' ? `Additional quota – ${formatQuota(l.quantity, l.quotaMode)}` : `${l.term === 'lifetime' ? 'Maintenance renewal' : 'Annual license renewal'} – ${formatQuota(l.quantity, l.quotaMode)}`,
        licenseId: l.licenseId,
        itemId: l.itemId,
        handshakeCode: l.handshakeCode,
        currentExpiry: l.currentExpiry,
        requestedTerm: formatPeriod(l.requestedStart, l.requestedEnd),
        licenseItemRef: l.sourceId,
      }));
    },
    async openEmail(id) {
      await port().openPath(documentsOf(get(id)).emlFile);
    },
    async revealPdf(id) {
      await port().showItemInFolder(documentsOf(get(id)).pdfFile);
    },
    async openMailto(id) {
      const po = get(id);
      const docs = documentsOf(po);
      const settings = profile.poSettings();
      const opened = await port().openExternal(poMailto({ po, company: requireCompany(profile.company()), vendor: settings.vendor })); // eng-disable OPEN_EXTERNAL_JS_CHECK (the port's allowlisted opener: a mailto: with one address, subject and body)
      await port().showItemInFolder(docs.pdfFile);
      return { opened, pdfFile: docs.pdfFile };
    },
    openStore(productCode) {
      const settings = profile.poSettings();
      return port().openExternal((productCode && settings.storeUrls[productCode]) || settings.storeUrl); // eng-disable OPEN_EXTERNAL_JS_CHECK (the port's allowlisted https opener)
    },
    linesForLicenses(ids, licenses) {
      return ids.map((id) => {
        const l = licenses(id);
        return {
          ...emptyPoLine('renewal'),
          productSaleName: [l.productName, l.edition].filter(Boolean).join(' '),
          description: `${l.term === 'lifetime' ? 'Maintenance renewal' : 'Annual license renewal'} – ${formatQuota(l.quotaAmount, l.quotaMode)}`,
          licenseId: l.licenseId,
          itemId: l.itemId,
          orderId: l.orderId,
          handshakeCode: l.projectCode,
          currentExpiry: l.term === 'lifetime' ? l.maintenanceExpiresOn : l.expiresOn,
          requestedTerm: '1 year from the current expiry',
          licenseItemRef: l.id,
        };
      });
    },
  };
}
