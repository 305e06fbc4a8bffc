import { describe, expect, it } from 'vitest';
import type { ShipmentView } from '../shipments/shipments.schemas.js';
import { expectedDelivery } from './expected.js';

// Which estimate an agent tells the shopper: the carrier's, else the prediction, else the promise; never
// one already past, and none for a delivered parcel.

type Edd = ShipmentView['edd'];
const none: Edd = { carrier: null, promised: null, predicted: null, first: null, latest: null };
const shipment = (edd: Partial<Edd>, extra: Partial<ShipmentView> = {}) =>
  ({ status: 'in_transit', deliveredAt: null, ...extra, edd: { ...none, ...edd } }) as ShipmentView;
const carrier = (
  date: string | null,
  windowStart: string | null = null,
  windowEnd: string | null = null,
) => ({
  date,
  windowStart,
  windowEnd,
});
const TODAY = '2026-12-05';

describe('expectedDelivery', () => {
  it('prefers the carrier’s date, then the prediction, then the promise', () => {
    const all = { carrier: carrier('2026-12-08'), predicted: '2026-12-07', promised: '2026-12-09' };
    expect(expectedDelivery(shipment(all), TODAY, 'UTC')).toMatchObject({
      date: '2026-12-08',
      kind: 'carrier',
    });
    expect(expectedDelivery(shipment({ ...all, carrier: null }), TODAY, 'UTC')).toMatchObject({
      date: '2026-12-07',
      kind: 'predicted',
    });
    expect(expectedDelivery(shipment({ promised: '2026-12-09' }), TODAY, 'UTC')).toMatchObject({
      date: '2026-12-09',
      kind: 'promised',
    });
    expect(expectedDelivery(shipment({}), TODAY, 'UTC')).toBeNull();
  });

  it('skips dates already past, keeps today', () => {
    const edd = { carrier: carrier('2026-12-04'), predicted: '2026-12-03', promised: TODAY };
    expect(expectedDelivery(shipment(edd), TODAY, 'UTC')).toMatchObject({ date: TODAY, kind: 'promised' });
    expect(expectedDelivery(shipment({ carrier: carrier('2026-12-04') }), TODAY, 'UTC')).toBeNull();
  });

  it('dates a window by the day it ends in the shopper’s zone, and keeps the window', () => {
    // 23:30 UTC on the 7th is already the 8th in Tokyo.
    const w = carrier(null, '2026-12-07T21:00:00.000Z', '2026-12-07T23:30:00.000Z');
    expect(expectedDelivery(shipment({ carrier: w }), TODAY, 'Asia/Tokyo')).toEqual({
      date: '2026-12-08',
      kind: 'carrier',
      windowStart: w.windowStart,
      windowEnd: w.windowEnd,
    });
    expect(expectedDelivery(shipment({ carrier: w }), TODAY, 'UTC')?.date).toBe('2026-12-07');
  });

  it('says nothing for a delivered parcel', () => {
    const edd = { carrier: carrier('2026-12-08') };
    expect(expectedDelivery(shipment(edd, { status: 'delivered' }), TODAY, 'UTC')).toBeNull();
    expect(expectedDelivery(shipment(edd, { deliveredAt: '2026-12-05T10:00:00Z' }), TODAY, 'UTC')).toBeNull();
  });
});
