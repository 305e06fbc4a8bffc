import { describe, expect, it } from 'vitest';
import type { ShipmentStatus } from '../domain/status.js';
import { deriveOrderStatus, isFullyShipped, type OrderFacts } from './order-status.js';

const t = new Date('2026-11-20T10:00:00Z');
const base: OrderFacts = { confirmedAt: null, packedAt: null, cancelledAt: null, items: [], shipments: [] };
const ship = (status: ShipmentStatus, extra: Partial<OrderFacts['shipments'][number]> = {}) => ({
  status,
  delayed: false,
  items: [],
  ...extra,
});

describe('deriveOrderStatus', () => {
  it('follows the storefront milestones before anything ships', () => {
    expect(deriveOrderStatus(base)).toBe('ordered');
    expect(deriveOrderStatus({ ...base, confirmedAt: t })).toBe('confirmed');
    expect(deriveOrderStatus({ ...base, confirmedAt: t, packedAt: t })).toBe('packed');
    expect(deriveOrderStatus({ ...base, packedAt: t })).toBe('packed');
  });

  it('is cancelled whatever else happened', () => {
    expect(deriveOrderStatus({ ...base, cancelledAt: t, shipments: [ship('in_transit')] })).toBe('cancelled');
  });

  it('is shipped once a label exists and follows the least advanced parcel', () => {
    expect(deriveOrderStatus({ ...base, shipments: [ship('pending')] })).toBe('shipped');
    expect(deriveOrderStatus({ ...base, shipments: [ship('info_received')] })).toBe('shipped');
    expect(deriveOrderStatus({ ...base, shipments: [ship('in_transit')] })).toBe('in_transit');
    expect(deriveOrderStatus({ ...base, shipments: [ship('out_for_delivery'), ship('in_transit')] })).toBe(
      'in_transit',
    );
    expect(deriveOrderStatus({ ...base, shipments: [ship('out_for_delivery')] })).toBe('out_for_delivery');
    expect(deriveOrderStatus({ ...base, shipments: [ship('delivered')] })).toBe('delivered');
  });

  it('reports split deliveries as partial', () => {
    expect(deriveOrderStatus({ ...base, shipments: [ship('delivered'), ship('in_transit')] })).toBe(
      'partially_delivered',
    );
  });

  it('ignores cancelled shipments', () => {
    expect(deriveOrderStatus({ ...base, packedAt: t, shipments: [ship('cancelled')] })).toBe('packed');
    expect(deriveOrderStatus({ ...base, shipments: [ship('cancelled'), ship('delivered')] })).toBe(
      'delivered',
    );
  });

  it('puts states that need attention before progress', () => {
    expect(deriveOrderStatus({ ...base, shipments: [ship('delivered'), ship('exception')] })).toBe(
      'exception',
    );
    expect(deriveOrderStatus({ ...base, shipments: [ship('in_transit'), ship('expired')] })).toBe(
      'exception',
    );
    expect(deriveOrderStatus({ ...base, shipments: [ship('attempt_failed')] })).toBe('attempt_failed');
    expect(deriveOrderStatus({ ...base, shipments: [ship('available_for_pickup')] })).toBe(
      'available_for_pickup',
    );
    expect(deriveOrderStatus({ ...base, shipments: [ship('in_transit', { delayed: true })] })).toBe(
      'delayed',
    );
  });

  it('is returned only when nothing is still travelling to the shopper', () => {
    expect(deriveOrderStatus({ ...base, shipments: [ship('returning')] })).toBe('returned');
    expect(deriveOrderStatus({ ...base, shipments: [ship('returned'), ship('delivered')] })).toBe('returned');
    expect(deriveOrderStatus({ ...base, shipments: [ship('returned'), ship('in_transit')] })).toBe(
      'in_transit',
    );
  });

  it('is partially shipped while listed items are still missing from every parcel', () => {
    const items = [
      { sku: 'A', name: 'Tent', quantity: 1 },
      { sku: 'B', name: 'Stove', quantity: 2 },
    ];
    const first = ship('in_transit', { items: [{ sku: 'A', quantity: 1 }] });
    expect(deriveOrderStatus({ ...base, items, shipments: [first] })).toBe('partially_shipped');
    const second = ship('pending', { items: [{ sku: 'B', quantity: 2 }] });
    expect(deriveOrderStatus({ ...base, items, shipments: [first, second] })).toBe('shipped');
    expect(
      deriveOrderStatus({ ...base, items, shipments: [ship('delivered', { items: first.items })] }),
    ).toBe('partially_delivered');
  });
});

describe('isFullyShipped', () => {
  const items = [
    { sku: 'A', name: 'Tent', quantity: 2 },
    { name: 'Gift wrap', quantity: 1 },
  ];
  it('treats parcels without item lists as the whole order', () => {
    expect(isFullyShipped(items, [ship('pending')])).toBe(true);
  });
  it('counts quantities across parcels and ignores items without SKU', () => {
    expect(isFullyShipped(items, [ship('pending', { items: [{ sku: 'A', quantity: 1 }] })])).toBe(false);
    expect(
      isFullyShipped(items, [
        ship('pending', { items: [{ sku: 'A', quantity: 1 }] }),
        ship('pending', { items: [{ sku: 'A', quantity: 1 }] }),
      ]),
    ).toBe(true);
  });
  it('is false with no shipments at all', () => {
    expect(isFullyShipped(items, [])).toBe(false);
  });
});
