import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// EXPECTED's "pending" with one event translates to info_received, which is what the Pending stop gives.
describeFixtures(adapter, {});

const fixture = () => JSON.parse(readFixture('karrio/locate2u/TrackingResponse.json'));

describe('locate2u', () => {
  it('one event: the stop’s status at its last change, in UTC', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/locate2u/TrackingResponse.json') })
      .shipments[0];
    expect(s?.events).toEqual([
      {
        occurredAt: '2023-09-08T13:07:24.901Z',
        occurredAtLocal: '2023-09-08T13:07:24.901Z',
        utcOffsetMinutes: 0,
        offsetSource: 'carrier',
        status: 'info_received',
        substatus: null,
        rawCode: 'Pending',
        rawText: 'Pending',
        location: null,
        mapped: true,
      },
    ]);
    expect(s).toMatchObject({
      trackingNumber: '164557',
      edd: { date: '2023-09-08', windowStart: null, windowEnd: null },
      destination: { city: 'Pyrmont', region: 'NSW', postalCode: '2009', countryCode: 'AU' },
      pieces: 1,
      carrierStatus: { code: 'Pending', text: 'Pending' },
      signedBy: null,
    });
  });

  it('reads the time window in the stop’s zone, found by its postcode', () => {
    const doc = { ...fixture(), status: 'Complete', timeWindowStart: '09:30', timeWindowEnd: '11:00' };
    const s = mapPayload(adapter, { body: JSON.stringify(doc) }).shipments[0];
    // Sydney in September is AEST (+10:00).
    expect(s?.edd).toEqual({
      date: '2023-09-08',
      windowStart: '2023-09-07T23:30:00.000Z',
      windowEnd: '2023-09-08T01:00:00.000Z',
    });
    expect(s && derivedStatus(s)).toBe('delivered');
  });

  it('maps each documented status, and an unknown one by its words', () => {
    const statuses = [
      'Enroute',
      'Arrived',
      'Failed',
      'On Hold',
      'Delayed',
      'Cancelled',
      'Left with neighbour (delivered)',
    ];
    const got = statuses.map((status) => {
      const e = mapPayload(adapter, { body: JSON.stringify({ ...fixture(), status }) }).shipments[0]
        ?.events[0];
      return [e?.rawCode, e?.status, e?.substatus, e?.mapped];
    });
    expect(got).toEqual([
      ['Enroute', 'out_for_delivery', null, true],
      ['Arrived', 'out_for_delivery', null, true],
      ['Failed', 'attempt_failed', null, true],
      ['On Hold', 'exception', 'held', true],
      ['Delayed', 'in_transit', 'carrier_delay', true],
      ['Cancelled', 'cancelled', null, true],
      ['Left with neighbour (delivered)', 'delivered', null, false],
    ]);
  });

  it('no status or no time gives no event; several stops give several shipments', () => {
    const r = mapPayload(adapter, {
      body: JSON.stringify([
        { ...fixture(), status: null },
        { ...fixture(), stopId: 164558, lastModifiedDate: null },
      ]),
    });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length, s.skipped.length])).toEqual([
      ['164557', 0, 0],
      ['164558', 0, 1],
    ]);
  });

  it('reads errors as typed problems and never throws', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/locate2u/ErrorResponse.json'), requested: ['164557'] })
        .problems,
    ).toEqual([{ kind: 'carrier_error', code: '401', message: 'Unauthorized', trackingNumber: '164557' }]);
    expect(mapPayload(adapter, { body: '{"error":"Stop not found","code":"404"}' }).problems[0]?.kind).toBe(
      'not_found',
    );
    expect(
      mapPayload(adapter, { body: '{"error":"Too Many Requests","code":"429"}' }).problems[0]?.kind,
    ).toBe('retryable');
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
