import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Both shipments map to delivered with their four events (0000, 2000, 3000, 3500); the error maps to
// not_found. No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/hermes/TrackingResponse.json';
const SCHEMA = 'karrio/hermes/schemas/tracking_response.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('hermes', () => {
  it('keeps the +01:00 offsets, the receiver and the forecast window', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.trackingNumber).toBe('H1234567890123456789');
    expect(s?.events[0]).toEqual({
      occurredAt: '2024-01-18T07:30:00.000Z',
      occurredAtLocal: '2024-01-18T08:30:00+01:00',
      utcOffsetMinutes: 60,
      offsetSource: 'carrier',
      status: 'info_received',
      substatus: 'label_created',
      rawCode: '0000',
      rawText: 'The shipment has been notified to Hermes electronically.',
      location: { city: 'Berlin', region: null, postalCode: null, countryCode: 'DE' },
      mapped: true,
    });
    expect(s?.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['0000', 'info_received'],
      ['2000', 'in_transit'],
      ['3000', 'out_for_delivery'],
      ['3500', 'delivered'],
    ]);
    expect(s?.destination).toEqual({ city: 'Hamburg', region: null, postalCode: '22419', countryCode: 'DE' });
    expect(s?.edd).toEqual({
      date: '2024-01-20',
      windowStart: '2024-01-20T09:00:00.000Z',
      windowEnd: '2024-01-20T17:00:00.000Z',
    });
  });

  it('sorts a newest-first answer oldest first', () => {
    const s = map(readFixture(SCHEMA)).shipments[0];
    expect(s?.trackingNumber).toBe('H9746130018743501086');
    expect(s?.events.map((e) => [e.rawCode, e.occurredAt])).toEqual([
      ['0000', '2020-12-02T09:15:30.000Z'],
      ['2000', '2020-12-03T13:22:15.000Z'],
      ['3000', '2020-12-04T05:30:00.000Z'],
      ['3500', '2020-12-04T06:58:24.000Z'],
    ]);
    // Summer time at the receiver: the window is two hours ahead of UTC.
    expect(s?.edd).toEqual({
      date: '2020-06-06',
      windowStart: '2020-06-06T08:00:00.000Z',
      windowEnd: '2020-06-06T16:00:00.000Z',
    });
  });

  it('gives unknown codes their stage when the stage says enough, else reads their words', () => {
    const body = fixture();
    body.shipmentinfo[0].status = [
      { timestamp: '2024-01-18T09:00:00+01:00', code: '1100', description: 'Parcel accepted at ParcelShop' },
      { timestamp: '2024-01-19T09:00:00+01:00', code: '2400', description: 'Sorting' },
      {
        timestamp: '2024-01-20T09:00:00+01:00',
        code: '3910',
        description: 'Delivery attempt failed, not at home',
      },
      { timestamp: 'never', code: '3500', description: 'Delivered' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['1100', 'in_transit', null, false],
      ['2400', 'in_transit', null, false],
      ['3910', 'attempt_failed', 'recipient_unavailable', false],
    ]);
    expect(s?.skipped).toEqual([{ code: '3500', text: 'Delivered', reason: 'unreadable time "never"' }]);
  });

  it('maps several shipments, per-shipment errors, an empty status list', () => {
    const body = fixture();
    body.shipmentinfo.push({
      shipmentID: 'H000',
      result: { code: 'e001', message: 'There is no information' },
    });
    body.shipmentinfo.push({ shipmentID: 'H111', result: { code: 'i001', message: 'Success' }, status: [] });
    const r = map(body);
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([
      ['H1234567890123456789', 4],
      ['H111', 0],
    ]);
    expect(r.problems).toEqual([
      { kind: 'not_found', code: 'e001', trackingNumber: 'H000', message: 'There is no information' },
    ]);
  });

  it('types errors and reports bad bodies as malformed', () => {
    expect(map(readFixture('karrio/hermes/TrackingErrorResponse.json')).problems).toEqual([
      {
        kind: 'not_found',
        code: 'e001',
        trackingNumber: 'H1234567890123456789',
        message: 'There is no information for the entered value.',
      },
    ]);
    const auth = mapPayload(adapter, { body: '{"status":401,"title":"Unauthorized"}', httpStatus: 401 });
    expect(auth.problems[0]?.kind).toBe('carrier_error');
    expect(map('{"shipmentinfo":').problems[0]?.kind).toBe('malformed');
    expect(map({ other: 1 }).problems[0]?.kind).toBe('malformed');
  });
});
