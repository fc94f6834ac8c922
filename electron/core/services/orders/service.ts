import type { LicenseItem } from '../../../../shared/domain/license.js';
import {
  isOpenOrder,
  NewOrderInput,
  orderTransitionRefusal,
  ORDER_STATES,
  type ChecklistStep,
  type Order,
  type OrderQuery,
  type OrderState,
} from '../../../../shared/domain/order.js';
import { termEnd, planRenewal } from '../../../../shared/domain/term.js';
import { expiryInstant } from '../../../../shared/status/time.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from '../licenses/rows.js';
import { createOrderReader } from './rows.js';

export interface OrderService {
  list(query: OrderQuery): Order[];
  get(id: number): Order;
  create(input: NewOrderInput): Order;
  /** Moves an order along the transition table; every change is kept with its time. */
  transition(id: number, to: OrderState, note: string): Order;
  /** Ticks or clears one self-hosted checklist step. */
  setChecklistStep(id: number, step: ChecklistStep, done: boolean): Order;
  /** Orders with a line on this license (renewing or adding to it, or fulfilled by it), newest first. */
  forLicense(licenseId: number): Order[];
  /** The open (draft or sent) renewal order for this license, if any: reminders skip items already in progress. */
  openRenewalFor(licenseId: number): Order | null;
  /** Every license with an open renewal order. */
  licensesWithOpenRenewal(): number[];
}

const OPEN = ORDER_STATES.filter(isOpenOrder);
const OPEN_SQL = OPEN.map((s) => `'${s}'`).join(', ');

function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path, message }]);
}

export function createOrderService(db: WritableDb, clock: Clock): OrderService {
  const reader = createOrderReader(db);
  const license = db.prepare(`${LICENSE_SELECT} WHERE li.id = ?`);
  const insertOrder = db.prepare(
    `INSERT INTO orders (kind, channel, state, project_id, reseller, reference, notes, requested_on, co_term_on, created_at, updated_at)
     VALUES (@kind, @channel, 'draft', (SELECT id FROM projects WHERE handshake_code = @project), @reseller, @reference, @notes, @requestedOn, @coTermOn, @now, @now)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (order_id, position, source_id, product_code, product_name, edition, term, quota_mode, quantity, item_id, license_id,
                              handshake_code, current_expiry, requested_start, requested_end, days_adjusted)
     VALUES (@orderId, @position, @sourceId, @productCode, @productName, @edition, @term, @quotaMode, @quantity, @itemId, @licenseId,
             @handshakeCode, @currentExpiry, @requestedStart, @requestedEnd, @daysAdjusted)`,
  );
  const insertEvent = db.prepare('INSERT INTO order_events (order_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)');
  const setState = db.prepare('UPDATE orders SET state = ?, updated_at = ? WHERE id = ?');
  const openRenewal = db.prepare(
    `SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
     WHERE o.kind = 'renewal' AND o.state IN (${OPEN_SQL}) AND l.source_id = ? ORDER BY o.id DESC LIMIT 1`,
  );

  function get(id: number): Order {
    const [order] = reader.where('WHERE o.id = ?', [id]);
    if (!order) throw notFound(`Order #${id}`);
    return order;
  }

  function source(id: number): LicenseItem {
    const row = license.get(id) as LicenseRow | undefined;
    if (!row) throw notFound('A license in the order');
    return toLicense(row);
  }

  /** Why this license cannot be renewed or added to now; null when it can. */
  function refusal(kind: 'renewal' | 'add-quota', item: LicenseItem): string | null {
    const name = `Item ${item.itemId}`;
    if (item.renewedById !== null) return `${name} has already been renewed; renew or add quota to its renewal instead.`;
    if (kind === 'renewal') {
      if (item.activationStatus !== 'activated') return `${name} is not activated yet, so there is no term to renew.`;
      const open = openRenewal.get(item.id) as { id: number } | undefined;
      if (open) return `${name} already has an open renewal order (#${open.id}).`;
      return null;
    }
    // docs/domain-notes.md §4.4: quota can be expanded before the license expires.
    if (item.expiresOn !== null && clock.now().getTime() >= expiryInstant(item.expiresOn).getTime()) {
      return `${name} expired on ${item.expiresOn}: quota can only be added before a license expires. Renew it instead.`;
    }
    if (item.projectCode === null) return `${name} is not on a project (handshake code), and added quota attaches to one. Set its project first.`;
    return null;
  }

  return {
    list(query) {
      const states = query.states ?? [];
      const kinds = query.kinds ?? [];
      const where: string[] = [];
      if (states.length > 0) where.push('o.state IN (SELECT value FROM json_each(@states))');
      if (kinds.length > 0) where.push('o.kind IN (SELECT value FROM json_each(@kinds))');
      return reader.where(where.length ? `WHERE ${where.join(' AND ')}` : '', { states: JSON.stringify(states), kinds: JSON.stringify(kinds) });
    },
    get,
    create(raw) {
      const input = NewOrderInput.parse(raw);
      const now = clock.now().toISOString();
      const id = writeTransaction(db, () => {
        const items = input.lines.map((l) => ({ line: l, item: source(l.sourceId) }));
        const refusals = items.map(({ item }) => refusal(input.kind, item)).filter((r): r is string => r !== null);
        if (refusals.length > 0) throw new AppError('CONFLICT', refusals.join(' '), refusals.map((message) => ({ path: 'lines', message })));
        const projects = [...new Set(items.map(({ item }) => item.projectCode))];
        const orderId = Number(
          insertOrder.run({
            kind: input.kind,
            channel: input.channel,
            project: projects.length === 1 ? projects[0] : null,
            reseller: input.channel === 'reseller' ? input.reseller : null,
            reference: input.reference,
            notes: input.notes,
            requestedOn: input.requestedOn,
            coTermOn: input.coTermOn,
            now,
          }).lastInsertRowid,
        );
        items.forEach(({ line, item }, position) => {
          let requestedStart: string;
          let requestedEnd: string;
          let daysAdjusted = 0;
          let quantity = item.quotaAmount;
          if (input.kind === 'renewal') {
            if (line.quantity !== null && line.quantity !== item.quotaAmount) {
              throw invalid('lines', `A renewal keeps the quota of item ${item.itemId} (${item.quotaAmount}); add quota separately.`);
            }
            let plan;
            try {
              plan = planRenewal(item, { renewalDate: input.requestedOn, startOverride: line.startOverride, coTermEnd: input.coTermOn });
            } catch (err) {
              throw invalid('coTermOn', err instanceof RangeError ? err.message : 'The aligned date does not fit this renewal.');
            }
            ({ newStart: requestedStart, newEnd: requestedEnd, daysAdjusted } = plan);
          } else {
            // The added quota is a new license with its own year, from when it is activated.
            quantity = line.quantity!;
            requestedStart = input.requestedOn;
            requestedEnd = termEnd(input.requestedOn);
          }
          insertLine.run({
            orderId,
            position,
            sourceId: item.id,
            productCode: item.productCode,
            productName: item.productName,
            edition: item.edition,
            term: item.term,
            quotaMode: item.quotaMode,
            quantity,
            itemId: item.itemId,
            licenseId: item.licenseId,
            handshakeCode: item.projectCode,
            currentExpiry: item.term === 'lifetime' ? item.maintenanceExpiresOn : item.expiresOn,
            requestedStart,
            requestedEnd,
            daysAdjusted,
          });
        });
        insertEvent.run(orderId, now, null, 'draft', 'Recorded');
        if (input.markSent) {
          setState.run('sent', now, orderId);
          insertEvent.run(orderId, now, 'draft', 'sent', 'Placed when recorded');
        }
        return orderId;
      });
      return get(id);
    },
    transition(id, to, note) {
      writeTransaction(db, () => {
        const order = get(id);
        const why = orderTransitionRefusal(order, to);
        if (why) throw new AppError('CONFLICT', `Order #${id}: ${why}`);
        const now = clock.now().toISOString();
        setState.run(to, now, id);
        insertEvent.run(id, now, order.state, to, note);
      });
      return get(id);
    },
    setChecklistStep(id, step, done) {
      writeTransaction(db, () => {
        const order = get(id);
        if (order.state === 'cancelled') throw new AppError('CONFLICT', `Order #${id} is cancelled; its checklist is closed.`);
        db.prepare('UPDATE orders SET checklist = ?, updated_at = ? WHERE id = ?').run(JSON.stringify({ ...order.checklist, [step]: done }), clock.now().toISOString(), id);
      });
      return get(id);
    },
    forLicense(licenseId) {
      return reader.where('WHERE o.id IN (SELECT order_id FROM order_lines WHERE source_id = @id OR fulfilled_by_id = @id)', { id: licenseId });
    },
    openRenewalFor(licenseId) {
      const r = openRenewal.get(licenseId) as { id: number } | undefined;
      return r ? get(r.id) : null;
    },
    licensesWithOpenRenewal() {
      return db
        .prepare(`SELECT DISTINCT l.source_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.kind = 'renewal' AND o.state IN (${OPEN_SQL}) AND l.source_id IS NOT NULL ORDER BY 1`)
        .pluck()
        .all() as number[];
    },
  };
}
