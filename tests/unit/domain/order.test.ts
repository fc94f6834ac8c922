import { describe, expect, it } from 'vitest';
import { canTransition, isOpenOrder, NewOrderInput, orderTransitionRefusal, ORDER_STATES, ORDER_TRANSITIONS, transitionRefusal, type OrderState } from '../../../shared/domain/order.js';

const LEGAL: [OrderState, OrderState][] = [
  ['draft', 'sent'],
  ['draft', 'cancelled'],
  ['sent', 'fulfilled'],
  ['sent', 'cancelled'],
];

describe('order state machine', () => {
  it('allows exactly Draft → Sent → Fulfilled, and Cancelled from an open state', () => {
    const allowed = ORDER_STATES.flatMap((from) => ORDER_STATES.filter((to) => canTransition(from, to)).map((to) => [from, to]));
    expect(allowed).toEqual(LEGAL);
    for (const [from, to] of LEGAL) expect(transitionRefusal(from, to)).toBeNull();
  });

  const illegal = ORDER_STATES.flatMap((from) => ORDER_STATES.map((to) => [from, to] as const)).filter(([f, t]) => !LEGAL.some(([a, b]) => a === f && b === t));
  it.each(illegal)('refuses %s → %s with a message', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toMatch(/\w+/);
  });

  it('says why, in words', () => {
    expect(transitionRefusal('draft', 'fulfilled')).toBe('Mark the order as sent before it is fulfilled.');
    expect(transitionRefusal('fulfilled', 'cancelled')).toBe('A fulfilled order is final: its license has arrived and is linked.');
    expect(transitionRefusal('cancelled', 'sent')).toBe('A cancelled order is final; record a new order instead.');
    expect(transitionRefusal('sent', 'draft')).toBe('A sent order cannot go back to draft; cancel it and record a new one.');
    expect(transitionRefusal('sent', 'sent')).toBe('The order is already sent.');
  });

  it('open states are the ones with a way out; the table cannot be changed', () => {
    expect(ORDER_STATES.filter(isOpenOrder)).toEqual(['draft', 'sent']);
    expect(Object.isFrozen(ORDER_TRANSITIONS) && Object.isFrozen(ORDER_TRANSITIONS.draft)).toBe(true);
  });
});

describe('orderTransitionRefusal', () => {
  const line = (fulfilledById: number | null) => ({ fulfilledById });
  it('refuses fulfilled while a line is unlinked, and follows the table otherwise', () => {
    expect(orderTransitionRefusal({ state: 'sent', lines: [line(4), line(null)] as never }, 'fulfilled')).toBe('Link the arriving license first: 1 of 2 lines are not linked.');
    expect(orderTransitionRefusal({ state: 'sent', lines: [line(4)] as never }, 'fulfilled')).toBeNull();
    expect(orderTransitionRefusal({ state: 'draft', lines: [line(4)] as never }, 'fulfilled')).toBe('Mark the order as sent before it is fulfilled.');
    expect(orderTransitionRefusal({ state: 'sent', lines: [line(null)] as never }, 'cancelled')).toBeNull();
  });
});

describe('NewOrderInput', () => {
  const base = { kind: 'renewal', channel: 'store', requestedOn: '2026-07-10', lines: [{ sourceId: 1 }] } as const;
  it('accepts a plain renewal and fills defaults', () => {
    expect(NewOrderInput.parse(base)).toMatchObject({ reseller: null, reference: '', markSent: false, coTermOn: null, lines: [{ sourceId: 1, quantity: null, startOverride: null }] });
  });
  it('asks for the reseller’s name, one line for add-quota, and no license twice', () => {
    const issues = (v: unknown) => NewOrderInput.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ ...base, channel: 'reseller' })).toEqual(['Name the reseller']);
    expect(issues({ ...base, kind: 'add-quota', lines: [{ sourceId: 1, quantity: 5 }, { sourceId: 2, quantity: 5 }] })).toEqual(['An add-quota order has one line']);
    expect(issues({ ...base, kind: 'add-quota' })).toEqual(['Choose how much quota to add']);
    expect(issues({ ...base, kind: 'add-quota', lines: [{ sourceId: 1, quantity: 5 }], coTermOn: '2027-01-01' })).toEqual(['Only renewals are co-termed']);
    expect(issues({ ...base, lines: [base.lines[0], base.lines[0]] })).toEqual(['A license appears twice in the order']);
    expect(issues({ ...base, lines: [] })).toEqual(['An order needs at least one line']);
  });
});
