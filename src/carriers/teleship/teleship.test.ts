import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// No corrections. The last event has code in_transit and the text "Out for delivery": wismo follows the code
// (Teleship has its own out_for_delivery code and did not use it; the shipment status is in_transit too, and
// the time, 08:00Z, is midnight in Los Angeles), as karrio and EXPECTED.json do.
describeFixtures(adapter);

const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });
const only = (body: unknown): TrackedShipment => {
  const result = map(body);
  expect(result.problems).toEqual([]);
  expect(result.shipments).toHaveLength(1);
  return result.shipments[0] as TrackedShipment;
};

describe('teleship: tracking (TrackingResponse.json)', () => {
  const s = only(readFixture('karrio/teleship/TrackingResponse.json'));

  it('maps the codes and keeps the UTC instants', () => {
    expect(s.events.map((e) => [e.occurredAt, e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['2025-01-15T09:15:00.000Z', 'collected', 'in_transit', 'picked_up', true],
      ['2025-01-15T14:30:00.000Z', 'in_hub', 'in_transit', 'arrived', true],
      ['2025-01-16T02:45:00.000Z', 'in_transit', 'in_transit', 'in_transit', true],
      ['2025-01-17T18:20:00.000Z', 'customs_cleared', 'in_transit', 'customs_cleared', true],
      ['2025-01-18T08:00:00.000Z', 'in_transit', 'in_transit', 'in_transit', true],
    ]);
    expect(s.events[4]?.rawText).toBe('Out for delivery');
    expect(s.events.every((e) => e.offsetSource === 'carrier' && e.utcOffsetMinutes === 0)).toBe(true);
  });

  it('reads "City, Region, CC" locations', () => {
    expect(s.events.map((e) => e.location)).toEqual([
      { city: 'London', region: null, postalCode: null, countryCode: 'GB' },
      { city: 'Heathrow Hub', region: null, postalCode: null, countryCode: 'GB' },
      { city: 'International Transit', region: null, postalCode: null, countryCode: null },
      { city: 'Los Angeles ISC', region: null, postalCode: null, countryCode: 'US' },
      { city: 'Los Angeles', region: 'CA', postalCode: null, countryCode: 'US' },
    ]);
  });

  it('reads the shipment facts', () => {
    expect(s).toMatchObject({
      trackingNumber: 'TELESHIP12345678901',
      underlyingCarrier: null,
      edd: { date: '2025-01-20', windowStart: null, windowEnd: null },
      origin: { city: 'London', region: 'LDN', postalCode: 'SW1A 1AA', countryCode: 'GB' },
      destination: { city: 'Los Angeles', region: 'CA', postalCode: '90001', countryCode: 'US' },
      carrierStatus: { code: 'in_transit', text: 'in_transit' },
    });
  });
});

describe('teleship: webhooks and codes', () => {
  it('reads the shipment.updated webhook, with milliseconds', () => {
    const s = only({
      eventName: 'shipment.updated',
      objectType: 'shipment',
      objectId: '6f384ad7-f8bf-40ce-8bf0-715248738f10',
      data: {
        trackingNumber: 'TELESHIP00000000001',
        status: 'delivered',
        events: [
          {
            timestamp: '2025-11-26T22:10:00.000Z',
            code: 'out_for_delivery',
            description: 'Out',
            location: 'Leeds, GB',
          },
          {
            timestamp: '2025-11-27T05:48:12.345Z',
            code: 'delivered',
            description: 'Delivered',
            location: 'Leeds, GB',
          },
          { timestamp: '2025-11-27T06:00:00.000Z', code: 'weather', description: 'Delayed due to weather' },
        ],
      },
    });
    expect(s.events.map((e) => [e.occurredAt, e.status, e.substatus, e.mapped])).toEqual([
      ['2025-11-26T22:10:00.000Z', 'out_for_delivery', null, true],
      ['2025-11-27T05:48:12.345Z', 'delivered', null, true],
      ['2025-11-27T06:00:00.000Z', 'in_transit', 'carrier_delay', false],
    ]);
  });

  it('an empty event list gives a shipment without events', () => {
    expect(only({ trackingNumber: 'TELESHIP1', status: 'pending', events: [] }).events).toEqual([]);
  });
});

describe('teleship: errors', () => {
  it('a 404 message is not_found for the number it names', () => {
    expect(map(readFixture('karrio/teleship/ErrorResponse.json')).problems).toEqual([
      {
        kind: 'not_found',
        code: '404',
        trackingNumber: 'TELESHIP12345678901',
        message:
          'Tracking number not found. No shipment found with tracking number: TELESHIP12345678901. Please verify the tracking number is correct',
      },
    ]);
    expect(map({ messages: [{ code: 503, message: 'Service unavailable' }] }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map({ messages: [{ code: 401, message: 'Unauthorized' }] }).problems[0]?.kind).toBe(
      'carrier_error',
    );
  });

  it('malformed bodies never throw', () => {
    expect(map('{"trackingNumber":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map({ status: 'in_transit', events: [] }).problems[0]?.kind).toBe('malformed');
  });
});
