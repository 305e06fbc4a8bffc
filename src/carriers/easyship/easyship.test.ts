import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// No corrections: karrio's one event per leg (tracking_state at the shipment's updated_at) is what wismo
// emits too, as the leg's status node.
describeFixtures(adapter);

const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });

const checkpoint = (primary: string, message: string, time: string) => ({
  order_number: 102,
  handler: 'Usps',
  message,
  location: 'AUSTIN, TX, 78701, USA',
  city: 'AUSTIN',
  country_name: 'United States',
  country_iso3: 'USA',
  state: 'TX',
  postal_code: '78701',
  checkpoint_time: time,
  primary_status: primary,
});

describe('easyship: shipment object (TrackingResponse.json)', () => {
  const result = map(readFixture('karrio/easyship/TrackingResponse.json'));
  const s = result.shipments[0] as TrackedShipment;

  it('gives each leg one event from its state, dated by the shipment update', () => {
    expect(result.problems).toEqual([]);
    expect(s.trackingNumber).toBe('COURIER1');
    expect(s.events).toEqual([
      expect.objectContaining({
        occurredAt: '2022-02-22T12:21:00.000Z',
        offsetSource: 'carrier',
        status: 'in_transit',
        rawCode: 'in_transit',
        mapped: true,
      }),
    ]);
  });

  it('reads the shipment facts', () => {
    expect(s).toMatchObject({
      service: 'Courier 1',
      underlyingCarrier: null,
      pieces: 1,
      origin: { city: 'Hong Kong', region: 'Yuen Long', postalCode: '0000', countryCode: 'HK' },
      destination: { countryCode: 'HK' },
      carrierStatus: { code: 'in_transit', text: 'in_transit' },
    });
  });
});

describe('easyship: checkpoints', () => {
  const webhook = {
    event_type: 'shipment.tracking.checkpoints.created',
    resource_type: 'shipment',
    resource_id: 'ESTEST00000',
    data: {
      easyship_shipment_id: 'ESTEST00000',
      tracking_number: '9400111899223456789012',
      status: 'Out For Delivery',
      courier_umbrella_name: 'USPS',
      checkpoints: [
        checkpoint('In Transit to Customer', 'Arrived at Regional Facility', '2025-01-01T12:00:00.000Z'),
        checkpoint('Out For Delivery', 'Out for Delivery', '2025-01-02T10:00:00.000Z'),
        checkpoint('Teleported', 'Delivered to the front porch', '2025-01-02T15:30:45.000Z'),
      ],
    },
  };

  it('maps the checkpoint status in words, unknown ones by their text', () => {
    const s = map(webhook).shipments[0] as TrackedShipment;
    expect(s.underlyingCarrier).toBe('usps');
    expect(s.events.map((e) => [e.occurredAt, e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['2025-01-01T12:00:00.000Z', 'In Transit to Customer', 'in_transit', null, true],
      ['2025-01-02T10:00:00.000Z', 'Out For Delivery', 'out_for_delivery', null, true],
      ['2025-01-02T15:30:45.000Z', 'Teleported', 'delivered', null, false],
    ]);
    expect(s.events[0]?.location).toEqual({
      city: 'AUSTIN',
      region: 'TX',
      postalCode: '78701',
      countryCode: 'US',
    });
  });

  it('maps every tracking of a list', () => {
    const result = map({
      trackings: [
        { tracking_number: 'A1', courier_umbrella_name: 'FedEx', status: 'delivered', checkpoints: [] },
        {
          tracking_number: 'B2',
          tracking_state: 'lost',
          checkpoints: [checkpoint('Lost', 'Lost', '2025-01-03T00:00:00Z')],
        },
      ],
    });
    expect(
      result.shipments.map((s) => [s.trackingNumber, s.underlyingCarrier, s.events.map((e) => e.substatus)]),
    ).toEqual([
      ['A1', 'fedex', []],
      ['B2', null, ['lost']],
    ]);
  });
});

describe('easyship: errors', () => {
  it('error bodies are typed', () => {
    const plan = map(readFixture('karrio/easyship/ErrorResponse.json'));
    expect(plan.problems).toEqual([
      expect.objectContaining({ kind: 'carrier_error', code: 'over_limit', trackingNumber: null }),
    ]);
    expect(plan.problems[0]?.message).toMatch(/^You have reached your plan limit/);
    expect(
      map({ error: { code: 'resource_not_found', message: 'Shipment not found' } }).problems[0]?.kind,
    ).toBe('not_found');
    expect(
      map({ error: { code: 'too_many_requests', type: 'rate_limit_error', message: 'slow' } }).problems[0]
        ?.kind,
    ).toBe('retryable');
    expect(map({ error: { code: 'invalid_token', message: 'no' } }, 401).problems[0]?.kind).toBe(
      'carrier_error',
    );
  });

  it('malformed bodies never throw', () => {
    expect(map('{"shipment":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map({ meta: {} }).problems[0]?.kind).toBe('malformed');
    expect(map({ trackings: [{}] }).problems[0]?.kind).toBe('malformed');
    expect(map({ shipment: { trackings: [] } }).problems[0]?.kind).toBe('not_found');
  });
});
