import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The tracked shipment maps to delivered with its five events; the answer without events gives a shipment
// with no events (EXPECTED: no status). No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/parcelone/TrackingResponseJSON.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown, extra: { requested?: string[]; httpStatus?: number } = {}) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });

describe('parcelone', () => {
  it('places naive times in the zone of the town, and names the last-mile carrier', () => {
    const s = map(readFixture(FILE), { requested: ['123456789012'] }).shipments[0];
    expect(s?.trackingNumber).toBe('123456789012');
    expect(s?.events.at(-1)).toEqual({
      occurredAt: '2024-01-15T13:30:00.000Z',
      occurredAtLocal: '2024-01-15T14:30:00',
      utcOffsetMinutes: 60,
      offsetSource: 'location_zone',
      status: 'delivered',
      substatus: null,
      rawCode: 'DELIVERED',
      rawText: 'Package delivered',
      location: { city: 'Munich', region: null, postalCode: null, countryCode: 'DE' },
      mapped: true,
    });
    expect(s).toMatchObject({
      underlyingCarrier: 'dhl_parcel_de',
      signedBy: 'John Doe',
      carrierStatus: { code: 'DELIVERED', text: 'DELIVERED' },
    });
  });

  it('gives hubs written without a country the clock of the one country the history names', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.occurredAt, e.offsetSource, e.location?.countryCode])).toEqual([
      ['REGISTERED', '2024-01-13T15:00:00.000Z', 'location_zone', null],
      ['IN_TRANSIT', '2024-01-14T09:00:00.000Z', 'location_zone', null],
      ['ARRIVED', '2024-01-14T21:00:00.000Z', 'location_zone', null],
      ['OUT_FOR_DELIVERY', '2024-01-15T07:00:00.000Z', 'location_zone', 'DE'],
      ['DELIVERED', '2024-01-15T13:30:00.000Z', 'location_zone', 'DE'],
    ]);
    const body = fixture();
    body.results.Events[0].Location = 'Salzburg, Austria';
    const mixed = map(body).shipments[0];
    expect(mixed?.events[0]).toMatchObject({ rawCode: 'REGISTERED', offsetSource: 'assumed_utc' });
  });

  it('leaves unknown codes to their words and keeps an answer without events', () => {
    const body = fixture();
    body.results.Events = [
      {
        DateTime: '2024-01-16T10:00:00',
        Location: 'Munich, Germany',
        Description: 'Parcel damaged',
        StatusCode: 'XY',
      },
      { DateTime: '', Location: 'Munich, Germany', Description: 'Delivered', StatusCode: 'DELIVERED' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['XY', 'exception', 'unknown_problem', false],
    ]);
    expect(s?.skipped).toEqual([{ code: 'DELIVERED', text: 'Delivered', reason: 'no time given' }]);
    const empty = map(readFixture('karrio/parcelone/TrackingNoEventsResponseJSON.json'), {
      requested: ['X1'],
    });
    expect(empty).toEqual({
      shipments: [
        expect.objectContaining({
          trackingNumber: 'X1',
          events: [],
          carrierStatus: { code: 'UNKNOWN', text: 'UNKNOWN' },
        }),
      ],
      problems: [],
    });
  });

  it('types errors and reports bad bodies as malformed', () => {
    const notFound = map(
      {
        success: 0,
        results: {
          ActionResult: { TrackingID: 'X1', Errors: [{ ErrorNo: '404', Message: 'Tracking not found' }] },
        },
      },
      { requested: ['X1'] },
    );
    expect(notFound.problems).toEqual([
      { kind: 'not_found', code: '404', trackingNumber: 'X1', message: 'Tracking not found' },
    ]);
    const auth = map({ success: -1, type: 'error', status: 401, message: 'Unauthorized' });
    expect(auth.problems[0]).toMatchObject({ kind: 'carrier_error', code: '401' });
    const busy = map({ success: -1, type: 'error', status: 503, message: 'Service busy' });
    expect(busy.problems[0]?.kind).toBe('retryable');
    expect(map('{"success":').problems[0]?.kind).toBe('malformed');
    expect(map({ success: 1 }).problems[0]?.kind).toBe('malformed');
    expect(map([]).problems[0]?.kind).toBe('malformed');
  });
});
