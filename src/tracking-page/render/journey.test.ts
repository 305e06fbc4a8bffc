import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../domain/status.js';
import { type Journey, orderJourney, parcelJourney } from './journey.js';
import { shipment } from './page.fixture.js';

const at = (j: Journey | null) => (j ? { step: j.steps[j.current], variant: j.variant } : null);

describe('orderJourney', () => {
  it('puts journey statuses on their step', () => {
    expect(at(orderJourney('ordered', []))).toEqual({ step: 'ordered', variant: null });
    expect(at(orderJourney('packed', []))).toEqual({ step: 'packed', variant: null });
    expect(at(orderJourney('in_transit', [shipment()]))).toEqual({ step: 'in_transit', variant: null });
    expect(at(orderJourney('delivered', [shipment({ status: 'delivered' })]))).toEqual({
      step: 'delivered',
      variant: null,
    });
  });

  it('shows a split order in part', () => {
    expect(at(orderJourney('partially_shipped', []))).toEqual({
      step: 'shipped',
      variant: 'partially_shipped',
    });
    expect(at(orderJourney('partially_delivered', []))).toEqual({
      step: 'delivered',
      variant: 'partially_delivered',
    });
  });

  it('keeps the progress the parcels reached for side states', () => {
    const moving = shipment({ status: 'in_transit' });
    const failed = shipment({ status: 'attempt_failed' });
    expect(at(orderJourney('attempt_failed', [failed]))).toEqual({ step: 'out_for_delivery', variant: null });
    expect(at(orderJourney('available_for_pickup', [shipment({ status: 'available_for_pickup' })]))).toEqual({
      step: 'out_for_delivery',
      variant: 'ready_to_collect',
    });
    // The least advanced parcel still on its way is the one the shopper waits for.
    expect(at(orderJourney('delayed', [failed, moving, shipment({ status: 'delivered' })]))).toEqual({
      step: 'in_transit',
      variant: null,
    });
    // A parcel ready to collect does not rename "in transit" when another parcel is further behind.
    expect(
      at(orderJourney('available_for_pickup', [moving, shipment({ status: 'available_for_pickup' })])),
    ).toEqual({ step: 'in_transit', variant: null });
    // A problem never undoes progress: the checkpoints say how far the parcel got.
    expect(at(orderJourney('exception', [shipment({ status: 'exception' })]))).toEqual({
      step: 'in_transit',
      variant: null,
    });
    expect(at(orderJourney('delayed', []))).toEqual({ step: 'ordered', variant: null });
  });

  it('shows no journey for orders that left it', () => {
    expect(orderJourney('cancelled', [])).toBeNull();
    expect(orderJourney('returned', [shipment({ status: 'returned' })])).toBeNull();
  });

  it('has exactly one current step for every other status', () => {
    for (const status of ORDER_STATUSES) {
      const journey = orderJourney(status, [shipment()]);
      if (journey) expect(journey.current, status).toBeGreaterThanOrEqual(0);
      if (journey) expect(journey.current, status).toBeLessThan(journey.steps.length);
    }
  });
});

describe('parcelJourney', () => {
  it('starts at packed and follows the parcel', () => {
    const cps = { checkpoints: [] };
    expect(at(parcelJourney(shipment({ status: 'pending', ...cps })))).toEqual({
      step: 'packed',
      variant: null,
    });
    expect(at(parcelJourney(shipment({ status: 'info_received', ...cps })))).toEqual({
      step: 'packed',
      variant: null,
    });
    expect(at(parcelJourney(shipment({ status: 'in_transit', substatus: 'picked_up', ...cps })))).toEqual({
      step: 'shipped',
      variant: null,
    });
    expect(at(parcelJourney(shipment({ status: 'out_for_delivery', ...cps })))).toEqual({
      step: 'out_for_delivery',
      variant: null,
    });
    expect(parcelJourney(shipment())?.steps).toEqual([
      'packed',
      'shipped',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ]);
  });

  it('shows no journey for a parcel going back or cancelled', () => {
    expect(parcelJourney(shipment({ status: 'returning' }))).toBeNull();
    expect(parcelJourney(shipment({ status: 'returned' }))).toBeNull();
    expect(parcelJourney(shipment({ status: 'cancelled' }))).toBeNull();
    expect(at(parcelJourney(shipment({ status: 'expired' })))).toEqual({ step: 'in_transit', variant: null });
  });
});
