import { z } from 'zod';
import { ChecklistStep, FulfilmentCandidate, Lineage, NewOrderInput, Order, OrderQuery, OrderState } from '../../domain/order.js';
import { QuotaMode } from '../../domain/quota.js';
import { ProjectUsage } from '../../domain/usage.js';
import { Id } from './common.js';
import { read, write } from './define.js';

const LicenseRef = z.strictObject({ licenseId: z.number().int().positive() });

export const ordersChannels = {
  'orders:list': read(OrderQuery, z.array(Order)),
  'orders:get': read(Id, Order),
  /** A renewal or add-quota order with its lines; the core works out each line's requested term. */
  'orders:create': write(NewOrderInput, Order),
  /** Draft → Sent → Fulfilled, or Cancelled; anything else is refused with the reason (CONFLICT). */
  'orders:transition': write(z.strictObject({ id: z.number().int().positive(), to: OrderState, note: z.string().trim().max(1000).default('') }), Order),
  'orders:checklist': write(z.strictObject({ id: z.number().int().positive(), step: ChecklistStep, done: z.boolean() }), Order),
  'orders:forLicense': read(LicenseRef, z.array(Order)),
  /** The open renewal order of a license, or null (reminders skip items already in progress). */
  'orders:openRenewal': read(LicenseRef, Order.nullable()),
  'orders:candidates': read(LicenseRef, z.array(FulfilmentCandidate)),
  'orders:fulfil': write(z.strictObject({ orderId: z.number().int().positive(), lineId: z.number().int().positive(), licenseId: z.number().int().positive() }), Order),
  'orders:lineage': read(LicenseRef, Lineage),
  /** A project's usage as one series with its total quota, for the project forecast. */
  'orders:projectUsage': read(z.strictObject({ handshakeCode: z.string().max(200), productCode: z.string().max(16), quotaMode: QuotaMode }), ProjectUsage),
} as const;
