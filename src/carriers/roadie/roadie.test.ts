import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/roadie/TrackingResponse.json': {
    status: 'delivered',
    reason:
      'Both shipments list at_delivery at 2017-12-25T10:38:43Z, then delivery_confirmed at 12:23:54Z (the second has state "delivered" and signatory Jane Doe). karrio takes events[0] as the status although Roadie lists events oldest first, hence its out_for_delivery.',
  },
});

const fixture = () => JSON.parse(readFixture('karrio/roadie/TrackingResponse.json'));

describe('roadie', () => {
  it('gives every shipment under a shared number, in Roadie’s order, with UTC events', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/roadie/TrackingResponse.json') });
    expect(r.problems).toEqual([]);
    expect(r.shipments.map((s) => [s.trackingNumber, s.carrierStatus?.code, s.signedBy])).toEqual([
      ['RETHNKW354W3H438', 'assigned', null],
      ['RETHNKW354W3H438', 'delivered', 'Jane Doe'],
    ]);
    expect(r.shipments[1]?.events).toEqual([
      {
        occurredAt: '2017-12-25T10:38:43.467Z',
        occurredAtLocal: '2017-12-25T10:38:43.467Z',
        utcOffsetMinutes: 0,
        offsetSource: 'carrier',
        status: 'out_for_delivery',
        substatus: null,
        rawCode: 'at_delivery',
        rawText: 'at_delivery',
        location: null,
        mapped: true,
      },
      expect.objectContaining({
        rawCode: 'delivery_confirmed',
        status: 'delivered',
        occurredAt: '2017-12-25T12:23:54.325Z',
      }),
    ]);
  });

  it('keeps the delivery window, addresses and pieces', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/roadie/TrackingResponse.json') }).shipments[0];
    expect(s).toMatchObject({
      // deliver_between 06:00Z-20:00Z on 2017-12-26: 01:00-15:00 in Atlanta.
      edd: {
        date: '2017-12-26',
        windowStart: '2017-12-26T06:00:00.000Z',
        windowEnd: '2017-12-26T20:00:00.000Z',
      },
      origin: { city: 'Atlanta', region: 'GA', postalCode: '30305', countryCode: 'US' },
      destination: { city: 'Atlanta', region: 'GA', postalCode: '30308', countryCode: 'US' },
      pieces: 1,
      service: null,
    });
  });

  it('dates the state by updated_at when there are no events; unknown event names read their words', () => {
    const [a, b] = fixture();
    a.events = [];
    a.state = 'en_route';
    a.updated_at = '2017-12-25T09:00:00.000Z';
    b.events = [
      { name: 'pickup_confirmed', occurred_at: '2017-12-25T08:00:00.000Z' },
      { name: 'delivery_attempted', occurred_at: '2017-12-25T11:00:00.000Z' },
      { name: 'returned_to_sender_location', occurred_at: '2017-12-25T13:00:00.000Z' },
    ];
    const r = mapPayload(adapter, { body: JSON.stringify([a, b]) });
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.status, e.occurredAt])).toEqual([
      ['en_route', 'out_for_delivery', '2017-12-25T09:00:00.000Z'],
    ]);
    const s = r.shipments[1];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['pickup_confirmed', 'in_transit', 'picked_up', true],
      ['delivery_attempted', 'attempt_failed', 'recipient_unavailable', true],
      ['returned_to_sender_location', 'returning', 'return_to_sender', false],
    ]);
    expect(s && derivedStatus(s)).toBe('returning');
  });

  it('reads errors as typed problems and never throws', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/roadie/ErrorResponse.json'), httpStatus: 400 })
        .problems,
    ).toEqual([
      {
        kind: 'carrier_error',
        code: '1001',
        message: "Pickup location can't be blank.",
        trackingNumber: null,
      },
    ]);
    expect(
      mapPayload(adapter, {
        body: '{"errors":[{"code":2001,"message":"Shipment not found"}]}',
        httpStatus: 404,
        requested: ['R1'],
      }).problems[0],
    ).toEqual({ kind: 'not_found', code: '2001', message: 'Shipment not found', trackingNumber: 'R1' });
    expect(mapPayload(adapter, { body: '', httpStatus: 429 }).problems[0]?.kind).toBe('retryable');
    expect(mapPayload(adapter, { body: '[]', requested: ['R1'] }).problems[0]).toMatchObject({
      kind: 'not_found',
      trackingNumber: 'R1',
    });
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const res = mapPayload(adapter, { body: JSON.stringify(value) });
        return !res.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 200 },
    );
  });
});
