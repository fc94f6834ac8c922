import { Checklist, EMPTY_CHECKLIST, type Order, type OrderEvent, type OrderLine } from '../../../../shared/domain/order.js';
import type { ReadableDb } from '../../db/connection.js';

interface OrderRow {
  id: number;
  kind: Order['kind'];
  channel: Order['channel'];
  state: Order['state'];
  project_code: string | null;
  reseller: string | null;
  reference: string;
  notes: string;
  requested_on: string;
  co_term_on: string | null;
  checklist: string;
  created_at: string;
  updated_at: string;
}

interface LineRow {
  id: number;
  order_id: number;
  source_id: number | null;
  product_code: string;
  product_name: string;
  edition: string | null;
  term: OrderLine['term'];
  quota_mode: OrderLine['quotaMode'];
  quantity: number;
  item_id: string | null;
  license_id: string | null;
  handshake_code: string | null;
  current_expiry: string | null;
  requested_start: string | null;
  requested_end: string | null;
  days_adjusted: number;
  fulfilled_by_id: number | null;
}

export const ORDER_SELECT = `SELECT o.*, pr.handshake_code AS project_code FROM orders o LEFT JOIN projects pr ON pr.id = o.project_id`;

function toLine(r: LineRow): OrderLine {
  return {
    id: r.id,
    sourceId: r.source_id,
    productCode: r.product_code,
    productName: r.product_name,
    edition: r.edition,
    term: r.term,
    quotaMode: r.quota_mode,
    quantity: r.quantity,
    itemId: r.item_id,
    licenseId: r.license_id,
    handshakeCode: r.handshake_code,
    currentExpiry: r.current_expiry,
    requestedStart: r.requested_start,
    requestedEnd: r.requested_end,
    daysAdjusted: r.days_adjusted,
    fulfilledById: r.fulfilled_by_id,
  };
}

function parseChecklist(text: string): Order['checklist'] {
  // A damaged value must not hide the order: the steps are then shown as not done.
  try {
    const parsed = Checklist.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { ...EMPTY_CHECKLIST };
  } catch {
    return { ...EMPTY_CHECKLIST };
  }
}

/** Reads orders with their lines and events: three statements however many orders are asked for. */
export function createOrderReader(db: ReadableDb) {
  const lines = db.prepare(`SELECT * FROM order_lines WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position`);
  const events = db.prepare(`SELECT order_id, at, from_state, to_state, note FROM order_events WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, at, id`);

  function assemble(rows: OrderRow[]): Order[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const linesBy = new Map<number, OrderLine[]>();
    for (const l of lines.all(ids) as LineRow[]) {
      const list = linesBy.get(l.order_id) ?? [];
      list.push(toLine(l));
      linesBy.set(l.order_id, list);
    }
    const eventsBy = new Map<number, OrderEvent[]>();
    for (const e of events.all(ids) as { order_id: number; at: string; from_state: OrderEvent['from']; to_state: OrderEvent['to']; note: string }[]) {
      const list = eventsBy.get(e.order_id) ?? [];
      list.push({ at: e.at, from: e.from_state, to: e.to_state, note: e.note });
      eventsBy.set(e.order_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      state: r.state,
      projectCode: r.project_code,
      reseller: r.reseller,
      reference: r.reference,
      notes: r.notes,
      requestedOn: r.requested_on,
      coTermOn: r.co_term_on,
      checklist: parseChecklist(r.checklist),
      lines: linesBy.get(r.id) ?? [],
      events: eventsBy.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  return {
    /** Orders chosen by a WHERE on `o` (and `pr`), newest first. */
    where(where: string, params: Record<string, unknown> | unknown[] = []): Order[] {
      return assemble(db.prepare(`${ORDER_SELECT} ${where} ORDER BY o.created_at DESC, o.id DESC`).all(params) as OrderRow[]);
    },
  };
}
export type OrderReader = ReturnType<typeof createOrderReader>;
