import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The shipment maps to delivered with its three events; the error maps to not_found. No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/asendia/TrackingResponse.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown, extra: { requested?: string[]; httpStatus?: number } = {}) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });

describe('asendia', () => {
  it('maps the codes, keeps UTC times and the place', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.trackingNumber).toBe('ASENDIA123456789');
    expect(s?.events[0]).toEqual({
      occurredAt: '2024-04-12T14:30:00.000Z',
      occurredAtLocal: '2024-04-12T14:30:00Z',
      utcOffsetMinutes: 0,
      offsetSource: 'carrier',
      status: 'in_transit',
      substatus: 'picked_up',
      rawCode: 'PU',
      rawText: 'Package picked up',
      location: { city: 'Bern', region: null, postalCode: null, countryCode: 'CH' },
      mapped: true,
    });
    expect(s?.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['PU', 'in_transit'],
      ['IT', 'in_transit'],
      ['DL', 'delivered'],
    ]);
  });

  it('reads the bare event array of newer answers with the number asked for, newest first or not', () => {
    const events = fixture().trackingEvents.reverse();
    const s = map(events, { requested: ['ASX1'] }).shipments[0];
    expect(s?.trackingNumber).toBe('ASX1');
    expect(s?.events.map((e) => e.rawCode)).toEqual(['PU', 'IT', 'DL']);
    expect(map(events).problems[0]?.kind).toBe('malformed');
  });

  it('leaves unknown codes to their text, unmapped, and keeps a shipment without events', () => {
    const body = fixture();
    body.trackingEvents = [
      { code: 'ZZ', time: '2024-04-14T10:00:00Z', carrierEventDescription: 'Held at customs' },
    ];
    expect(map(body).shipments[0]?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['ZZ', 'in_transit', 'customs_clearance', false],
    ]);
    body.trackingEvents = [];
    expect(map(body).shipments[0]).toMatchObject({ trackingNumber: 'ASENDIA123456789', events: [] });
  });

  it('types problem documents and reports bad bodies as malformed', () => {
    expect(
      map(readFixture('karrio/asendia/ErrorResponse.json'), { requested: ['INVALID123'] }).problems,
    ).toEqual([
      {
        kind: 'not_found',
        code: 'error.tracking.not_found',
        trackingNumber: 'INVALID123',
        message: 'Tracking number not found',
      },
    ]);
    expect(map({ title: 'Unauthorized', status: 401, detail: 'Bad credentials' }).problems[0]?.kind).toBe(
      'carrier_error',
    );
    expect(map({ title: 'Too Many Requests', status: 429 }).problems[0]?.kind).toBe('retryable');
    expect(map('{"trackingNumber":').problems[0]?.kind).toBe('malformed');
    expect(map({ foo: 1 }).problems[0]?.kind).toBe('malformed');
  });
});
