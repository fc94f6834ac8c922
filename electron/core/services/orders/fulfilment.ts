import type { LicenseItem } from '../../../../shared/domain/license.js';
import { isOpenOrder, ORDER_STATES, transitionRefusal, type FulfilmentCandidate, type Lineage, type Order } from '../../../../shared/domain/order.js';
import type { ProjectUsage } from '../../../../shared/domain/usage.js';
import { combineReadings } from '../../../../shared/status/forecast.js';
import { expiryInstant } from '../../../../shared/status/time.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from '../licenses/rows.js';
import { createLicenseWriter } from '../licenses/write.js';
import type { OrderService } from './service.js';

export interface FulfilmentService {
  /** Open order lines this license could be the arrival for: same product, compatible project, not yet linked. */
  candidates(licenseId: number): FulfilmentCandidate[];
  /**
   * Links an arriving license to an order line. A renewal marks the old license renewed (it stays valid
   * until its own expiry) and chains old → new; added quota joins the order's project. When every line
   * is linked the order turns fulfilled.
   */
  fulfil(orderId: number, lineId: number, licenseId: number): Order;
  lineage(licenseId: number): Lineage;
  projectUsage(handshakeCode: string, productCode: string, quotaMode: LicenseItem['quotaMode']): ProjectUsage;
  /** The same, once for each product and quota mode the project's activated items draw on. */
  projectUsageGroups(handshakeCode: string): ProjectUsage[];
}

const OPEN_SQL = ORDER_STATES.filter(isOpenOrder)
  .map((s) => `'${s}'`)
  .join(', ');

export function createFulfilmentService(db: WritableDb, clock: Clock, orders: OrderService): FulfilmentService {
  const nowIso = () => clock.now().toISOString();
  const writer = createLicenseWriter(db, nowIso);
  const license = db.prepare(`${LICENSE_SELECT} WHERE li.id = ?`);
  const history = db.prepare(`INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, 'renewed', 'order', ?)`);

  function item(id: number, what = 'That license'): LicenseItem {
    const row = license.get(id) as LicenseRow | undefined;
    if (!row) throw notFound(what);
    return toLicense(row);
  }

  const service: FulfilmentService = {
    candidates(licenseId) {
      const arriving = item(licenseId);
      // Already the arrival for a line: nothing more to offer.
      if (db.prepare('SELECT 1 FROM order_lines WHERE fulfilled_by_id = ?').get(licenseId)) return [];
      const rows = db
        .prepare(
          `SELECT o.id AS orderId, l.id AS lineId, o.kind, o.state, l.source_id AS sourceId, l.item_id AS sourceItemId, l.product_name AS productName,
                  l.quantity, l.handshake_code AS handshakeCode
           FROM order_lines l JOIN orders o ON o.id = l.order_id
           WHERE o.state IN (${OPEN_SQL}) AND l.fulfilled_by_id IS NULL AND l.product_code = @product
             AND (l.source_id IS NULL OR l.source_id <> @id)
             AND (l.handshake_code IS NULL OR @project IS NULL OR l.handshake_code = @project)
             AND NOT EXISTS (SELECT 1 FROM license_items src WHERE src.id = l.source_id AND src.renewed_by_id IS NOT NULL)
           ORDER BY (l.quantity = @quota) DESC, o.created_at DESC, l.position`,
        )
        .all({ product: arriving.productCode, id: licenseId, project: arriving.projectCode, quota: arriving.quotaAmount }) as Omit<FulfilmentCandidate, 'quantityMatches'>[];
      return rows.map((r) => ({ ...r, quantityMatches: r.quantity === arriving.quotaAmount }));
    },

    fulfil(orderId, lineId, licenseId) {
      writeTransaction(db, () => {
        const order = orders.get(orderId);
        const line = order.lines.find((l) => l.id === lineId);
        if (!line) throw notFound(`That line of order #${orderId}`);
        const why = transitionRefusal(order.state, 'fulfilled');
        if (why) throw new AppError('CONFLICT', `Order #${orderId}: ${why}`);
        if (line.fulfilledById !== null) throw new AppError('CONFLICT', `That line of order #${orderId} is already linked to another license.`);
        const arriving = item(licenseId);
        if (arriving.id === line.sourceId) throw new AppError('CONFLICT', `Item ${arriving.itemId} is the license being ${order.kind === 'renewal' ? 'renewed' : 'added to'}, not its arrival.`);
        if (db.prepare('SELECT 1 FROM order_lines WHERE fulfilled_by_id = ?').get(licenseId)) {
          throw new AppError('CONFLICT', `Item ${arriving.itemId} is already linked to an order line.`);
        }
        if (arriving.productCode !== line.productCode) {
          throw new AppError('CONFLICT', `Item ${arriving.itemId} is ${arriving.productName}; the order line is for ${line.productName}.`);
        }
        if (line.handshakeCode !== null && arriving.projectCode !== null && arriving.projectCode !== line.handshakeCode) {
          throw new AppError('CONFLICT', `Item ${arriving.itemId} is on project ${arriving.projectCode}; the order is for project ${line.handshakeCode}.`);
        }
        const now = nowIso();
        // The arrival joins the project it was bought for (Dynamsoft-hosted: automatic; self-hosted: the checklist).
        if (arriving.projectCode === null && line.handshakeCode !== null) {
          const fields = writer.current(licenseId)!;
          writer.update(licenseId, { ...fields, projectCode: line.handshakeCode }, `order #${orderId}`);
        }
        if (order.kind === 'renewal' && line.sourceId !== null) {
          const old = item(line.sourceId, 'The renewed license');
          if (old.renewedById !== null) throw new AppError('CONFLICT', `Item ${old.itemId} has already been renewed by another license.`);
          db.prepare('UPDATE license_items SET renewed_by_id = ?, updated_at = ? WHERE id = ?').run(licenseId, now, old.id);
          history.run(old.id, now, JSON.stringify({ renewedBy: arriving.itemId, order: orderId }));
          history.run(licenseId, now, JSON.stringify({ renews: old.itemId, order: orderId }));
        }
        db.prepare('UPDATE order_lines SET fulfilled_by_id = ? WHERE id = ?').run(licenseId, lineId);
        const unlinked = order.lines.filter((l) => l.id !== lineId && l.fulfilledById === null).length;
        if (unlinked === 0) {
          db.prepare('UPDATE orders SET state = ?, updated_at = ? WHERE id = ?').run('fulfilled', now, orderId);
          db.prepare('INSERT INTO order_events (order_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)').run(
            orderId,
            now,
            order.state,
            'fulfilled',
            `Item ${arriving.itemId} linked`,
          );
        } else {
          db.prepare('UPDATE orders SET updated_at = ? WHERE id = ?').run(now, orderId);
        }
      });
      return orders.get(orderId);
    },

    lineage(licenseId) {
      const start = item(licenseId);
      const brief = (i: LicenseItem) => ({ id: i.id, itemId: i.itemId, expiresOn: i.term === 'lifetime' ? i.maintenanceExpiresOn : i.expiresOn });
      const renewedBy = db.prepare(`${LICENSE_SELECT} WHERE li.renewed_by_id = ? ORDER BY li.id LIMIT 1`);
      const previous: Lineage['previous'] = [];
      const seen = new Set([start.id]);
      for (let cur = renewedBy.get(start.id) as LicenseRow | undefined; cur && !seen.has(cur.id); cur = renewedBy.get(cur.id) as LicenseRow | undefined) {
        seen.add(cur.id);
        previous.unshift(brief(toLicense(cur)));
      }
      const next: Lineage['next'] = [];
      for (let id = start.renewedById; id !== null && !seen.has(id); ) {
        seen.add(id);
        const n = item(id);
        next.push(brief(n));
        id = n.renewedById;
      }
      const lines = orders.forLicense(licenseId).map((o) => ({
        id: o.id,
        kind: o.kind,
        state: o.state,
        role: o.lines.some((l) => l.fulfilledById === licenseId) ? ('fulfilment' as const) : ('source' as const),
        requestedOn: o.requestedOn,
      }));
      return { previous, next, orders: lines };
    },

    projectUsage(handshakeCode, productCode, quotaMode) {
      const project = db.prepare('SELECT id FROM projects WHERE handshake_code = ?').get(handshakeCode) as { id: number } | undefined;
      if (!project) throw notFound(`Project ${handshakeCode}`);
      const now = clock.now();
      const items = (
        db
          .prepare(`${LICENSE_SELECT} WHERE li.project_id = ? AND li.product_code = ? AND li.quota_mode = ? AND li.activation_status = 'activated' ORDER BY li.id`)
          .all(project.id, productCode, quotaMode) as LicenseRow[]
      )
        .map(toLicense)
        // Quota is drawn from unexpired items only (docs/domain-notes.md §4.5); a renewed item still counts until it expires.
        .filter((i) => i.expiresOn === null || now.getTime() < expiryInstant(i.expiresOn).getTime());
      const readingsOf = db.prepare('SELECT taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? ORDER BY taken_on');
      const expiries = items.map((i) => i.expiresOn).filter((d): d is string => d !== null);
      return {
        handshakeCode,
        productCode,
        quotaMode,
        itemCount: items.length,
        totalQuota: items.reduce((sum, i) => sum + i.quotaAmount, 0),
        expiresOn: expiries.length ? expiries.sort()[expiries.length - 1]! : null,
        readings: combineReadings(items.map((i) => readingsOf.all(i.id) as { takenOn: string; used: number }[])),
      };
    },

    projectUsageGroups(handshakeCode) {
      const groups = db
        .prepare(
          `SELECT DISTINCT li.product_code AS productCode, li.quota_mode AS quotaMode FROM license_items li JOIN projects p ON p.id = li.project_id
           WHERE p.handshake_code = ? AND li.activation_status = 'activated' ORDER BY li.product_code, li.quota_mode`,
        )
        .all(handshakeCode) as { productCode: string; quotaMode: LicenseItem['quotaMode'] }[];
      if (groups.length === 0 && !db.prepare('SELECT 1 FROM projects WHERE handshake_code = ?').get(handshakeCode)) throw notFound(`Project ${handshakeCode}`);
      // A group whose items have all expired draws nothing any more: it is left out, not shown as zero.
      return groups.map((g) => service.projectUsage(handshakeCode, g.productCode, g.quotaMode)).filter((u) => u.itemCount > 0);
    },
  };
  return service;
}
