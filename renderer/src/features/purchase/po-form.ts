import { formatBp, formatMinor, parseAmount, parsePercent, parseQuantity } from '../../../../shared/domain/money';
import { emptyPoLine, PoDraft, type PoLine, type PoLineKind } from '../../../../shared/domain/purchase-order';

/** A line as the builder edits it: numbers stay text until they parse, so a typo is shown, not lost. */
export interface LineForm {
  kind: PoLineKind;
  productSaleName: string;
  sku: string;
  description: string;
  licenseId: string;
  itemId: string;
  orderId: string;
  handshakeCode: string;
  currentExpiry: string;
  requestedTerm: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  tax: string;
  licenseItemRef: number | null;
}

export interface PoForm {
  orderDate: string;
  requestedDelivery: string;
  quoteId: string;
  quoteFrom: string;
  quoteTo: string;
  paymentTerms: string;
  deliveryMethod: string;
  requestedByName: string;
  requestedByTitle: string;
  approvedByName: string;
  approvedByTitle: string;
  notes: string;
  sourceOrderId: number | null;
  lines: LineForm[];
}

/** Field path (as the contract reports it, e.g. `lines.0.quantity`) → message. */
export type FormErrors = Record<string, string>;

export function lineForm(l: PoLine): LineForm {
  return {
    kind: l.kind,
    productSaleName: l.productSaleName,
    sku: l.sku,
    description: l.description,
    licenseId: l.licenseId ?? '',
    itemId: l.itemId ?? '',
    orderId: l.orderId ?? '',
    handshakeCode: l.handshakeCode ?? '',
    currentExpiry: l.currentExpiry ?? '',
    requestedTerm: l.requestedTerm,
    quantity: String(l.quantity),
    unitPrice: l.unitPriceMinor ? formatMinor(l.unitPriceMinor) : '',
    discount: l.discountBp ? formatBp(l.discountBp).replace(' %', '') : '',
    tax: l.taxBp ? formatBp(l.taxBp).replace(' %', '') : '',
    licenseItemRef: l.licenseItemRef,
  };
}

export function blankLine(kind: PoLineKind = 'new'): LineForm {
  return lineForm(emptyPoLine(kind));
}

export function formFromDraft(d: PoDraft): PoForm {
  return {
    orderDate: d.orderDate,
    requestedDelivery: d.requestedDelivery ?? '',
    quoteId: d.quote?.quoteId ?? '',
    quoteFrom: d.quote?.validFrom ?? '',
    quoteTo: d.quote?.validTo ?? '',
    paymentTerms: d.paymentTerms,
    deliveryMethod: d.deliveryMethod,
    requestedByName: d.requestedBy.name,
    requestedByTitle: d.requestedBy.title,
    approvedByName: d.approvedBy.name,
    approvedByTitle: d.approvedBy.title,
    notes: d.notes,
    sourceOrderId: d.sourceOrderId,
    lines: d.lines.map(lineForm),
  };
}

export function newForm(today: string, paymentTerms: string, lines: PoLine[] = [], sourceOrderId: number | null = null): PoForm {
  return {
    orderDate: today,
    requestedDelivery: '',
    quoteId: '',
    quoteFrom: '',
    quoteTo: '',
    paymentTerms,
    deliveryMethod: 'Electronic delivery (license keys by e-mail)',
    requestedByName: '',
    requestedByTitle: '',
    approvedByName: '',
    approvedByTitle: '',
    notes: '',
    sourceOrderId,
    lines: lines.length ? lines.map(lineForm) : [blankLine()],
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The line's figures when they all parse, for the running amounts; null while one does not. */
export function parsedFigures(l: LineForm): Pick<PoLine, 'quantity' | 'unitPriceMinor' | 'discountBp' | 'taxBp'> | null {
  const q = parseQuantity(l.quantity);
  const p = parseAmount(l.unitPrice);
  const d = parsePercent(l.discount);
  const t = parsePercent(l.tax);
  return q.ok && p.ok && d.ok && t.ok ? { quantity: q.value, unitPriceMinor: p.value, discountBp: d.value, taxBp: t.value } : null;
}

/**
 * The form as a PoDraft, or the messages for each field that is wrong. Numbers are read with the
 * same parsers the totals use; everything else is checked by the contract's own schema, so the
 * builder and main refuse the same things with the same words.
 */
export function draftFromForm(f: PoForm): { ok: true; draft: PoDraft } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const lines = f.lines.map((l, i) => {
    const fig = (key: string, r: { ok: true; value: number } | { ok: false; message: string }) => {
      if (!r.ok) errors[`lines.${i}.${key}`] = r.message;
      return r.ok ? r.value : 0;
    };
    return {
      kind: l.kind,
      productSaleName: l.productSaleName,
      sku: l.sku,
      description: l.description,
      licenseId: orNull(l.licenseId),
      itemId: orNull(l.itemId),
      orderId: orNull(l.orderId),
      handshakeCode: orNull(l.handshakeCode),
      currentExpiry: orNull(l.currentExpiry),
      requestedTerm: l.requestedTerm,
      quantity: fig('quantity', parseQuantity(l.quantity)),
      unitPriceMinor: fig('unitPriceMinor', parseAmount(l.unitPrice)),
      discountBp: fig('discountBp', parsePercent(l.discount)),
      taxBp: fig('taxBp', parsePercent(l.tax)),
      licenseItemRef: l.licenseItemRef,
    };
  });
  const candidate = {
    orderDate: f.orderDate,
    requestedDelivery: orNull(f.requestedDelivery),
    lines,
    quote: f.quoteId.trim() || f.quoteFrom || f.quoteTo ? { quoteId: f.quoteId, validFrom: orNull(f.quoteFrom), validTo: orNull(f.quoteTo) } : null,
    paymentTerms: f.paymentTerms,
    deliveryMethod: f.deliveryMethod,
    requestedBy: { name: f.requestedByName, title: f.requestedByTitle },
    approvedBy: { name: f.approvedByName, title: f.approvedByTitle },
    notes: f.notes,
    sourceOrderId: f.sourceOrderId,
  };
  const parsed = PoDraft.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, draft: parsed.data };
}
