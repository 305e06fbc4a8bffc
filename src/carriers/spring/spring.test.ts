import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Both shipments map to delivered with their two events; the error maps to not_found. No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/spring/TrackingResponse.json';
const SCHEMA = 'karrio/spring/schemas/tracking_response.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown, requested?: string[]) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), requested });

describe('spring', () => {
  it('takes the instant from the Unix Timestamp and keeps the local DateTime with its offset', () => {
    const s = map(readFixture(SCHEMA)).shipments[0];
    expect(s?.trackingNumber).toBe('LX210720682NL');
    expect(s?.events[1]).toEqual({
      occurredAt: '2024-01-07T15:19:48.000Z',
      occurredAtLocal: '2024-01-07 10:19:48',
      utcOffsetMinutes: -300,
      offsetSource: 'carrier',
      status: 'delivered',
      substatus: null,
      rawCode: '100',
      rawText: 'DELIVERED (stc)',
      location: { city: 'TORONTO', region: 'ON', postalCode: 'L5T1R8', countryCode: 'CA' },
      mapped: true,
    });
    expect(s?.events[0]).toMatchObject({
      rawCode: '9301',
      status: 'out_for_delivery',
      occurredAt: '2024-01-07T12:38:45.000Z',
    });
    expect(s).toMatchObject({
      service: 'PPTT',
      destination: { city: 'TORONTO', region: 'ON', postalCode: 'L5T1R8', countryCode: 'CA' },
    });
  });

  it('reads a DateTime equal to the Timestamp as UTC written by the carrier', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(
      s?.events.map((e) => [e.rawCode, e.occurredAt, e.utcOffsetMinutes, e.offsetSource, e.substatus]),
    ).toEqual([
      ['20', '2024-01-01T12:00:00.000Z', 0, 'carrier', 'picked_up'],
      ['100', '2024-01-02T12:00:00.000Z', 0, 'carrier', null],
    ]);
    expect(s?.destination).toBeNull();
  });

  it('falls back to the Timestamp alone, or to the local time in the zone of the place', () => {
    const body = fixture();
    body.Shipment.Events = [
      {
        Timestamp: 1704110400,
        DateTime: '2024-01-01 12:07:13',
        Code: 20,
        Description: 'Accepted',
        Country: 'NL',
      },
      {
        DateTime: '2024-07-02 12:00:00',
        Code: 100,
        Description: 'Delivered',
        Country: 'NL',
        City: 'Amsterdam',
      },
      { Code: 21, Description: 'International transport' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.offsetSource])).toEqual([
      ['2024-01-01T12:00:00.000Z', '2024-01-01T12:00:00.000Z', 'carrier'],
      ['2024-07-02T10:00:00.000Z', '2024-07-02 12:00:00', 'location_zone'],
    ]);
    expect(s?.skipped).toEqual([{ code: '21', text: 'International transport', reason: 'no time given' }]);
  });

  it('gives unknown refinements the status of their step, unmapped, raw code kept', () => {
    const body = fixture();
    body.Shipment.Events = [
      {
        Timestamp: 1704110400,
        DateTime: '2024-01-01 13:00:00',
        Code: 9303,
        Description: 'Out with courier (2nd)',
      },
      {
        Timestamp: 1704196800,
        DateTime: '2024-01-02 13:00:00',
        Code: 12507,
        Description: 'Return received - other',
      },
      { Timestamp: 1704196900, DateTime: '2024-01-02 13:01:40', Code: 7777, Description: 'Parcel damaged' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped, e.utcOffsetMinutes])).toEqual([
      ['9303', 'in_transit', 'arrived', false, 60],
      ['12507', 'returned', 'return_to_sender', false, 60],
      ['7777', 'exception', 'unknown_problem', false, 60],
    ]);
  });

  it('keeps a shipment with no events', () => {
    const body = fixture();
    body.Shipment.Events = [];
    expect(map(body).shipments[0]).toMatchObject({ trackingNumber: 'LXAB00000000NL', events: [] });
  });

  it('types errors by their words and reports bad bodies as malformed', () => {
    expect(map(readFixture('karrio/spring/TrackingErrorResponse.json'), ['LXAB00000000NL']).problems).toEqual(
      [
        {
          kind: 'not_found',
          code: '10',
          trackingNumber: 'LXAB00000000NL',
          message: 'Tracking number not found',
        },
      ],
    );
    expect(map({ ErrorLevel: 10, Error: 'Invalid apikey' }).problems[0]?.kind).toBe('carrier_error');
    expect(map({ ErrorLevel: 10, Error: 'Service temporarily unavailable' }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map('{"ErrorLevel":').problems[0]?.kind).toBe('malformed');
    expect(map({ ErrorLevel: 0, Error: '' }).problems[0]?.kind).toBe('malformed');
    expect(map({ ErrorLevel: 0, Shipment: { Events: [] } }).problems[0]?.kind).toBe('malformed');
  });
});
