import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/boxknight/TrackingResponse.json': {
    status: 'info_received',
    reason:
      'The order is GEOCODED (address located, nothing moved) with createdAt 2019-10-25T22:56:06Z, which dates it; karrio emits the same one event (stamped with datetime.now()) but states no status, and its table calls GEOCODED on_hold.',
  },
});

const fixture = () => JSON.parse(readFixture('karrio/boxknight/TrackingResponse.json'));

describe('boxknight', () => {
  it('dates the creation-time status by createdAt and keeps the order facts', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/boxknight/TrackingResponse.json') })
      .shipments[0];
    expect(s?.events).toEqual([
      {
        occurredAt: '2019-10-25T22:56:06.000Z',
        occurredAtLocal: '2019-10-25T22:56:06.000Z',
        utcOffsetMinutes: 0,
        offsetSource: 'carrier',
        status: 'info_received',
        substatus: 'label_created',
        rawCode: 'GEOCODED',
        rawText: 'GEOCODED',
        location: { city: 'Montreal', region: 'Quebec', postalCode: 'H4R 2A4', countryCode: 'CA' },
        mapped: true,
      },
    ]);
    expect(s).toMatchObject({
      // The UUID, normalized like every tracking number (upper case, no dashes).
      trackingNumber: '93E11B390AF840BB742A912375A09743',
      service: 'SAMEDAY',
      pieces: 3,
      // completeAfter 1578439750000 / completeBefore 1578439950000: 18:29-18:32 in Montreal.
      edd: {
        date: '2020-01-07',
        windowStart: '2020-01-07T23:29:10.000Z',
        windowEnd: '2020-01-07T23:32:30.000Z',
      },
      origin: { city: 'Montreal', region: 'Quebec', postalCode: 'H4R 2A4', countryCode: 'CA' },
      destination: { city: 'Montreal', countryCode: 'CA' },
      carrierStatus: { code: 'GEOCODED', text: 'GEOCODED' },
    });
  });

  it('a later status has no time: no event is invented, the status is kept as the carrier status', () => {
    const s = mapPayload(adapter, {
      body: JSON.stringify({ ...fixture(), orderStatus: 'DELIVERY_COMPLETED' }),
    }).shipments[0];
    expect(s?.events).toEqual([]);
    expect(s?.carrierStatus).toEqual({ code: 'DELIVERY_COMPLETED', text: 'DELIVERY_COMPLETED' });
    expect(s && derivedStatus(s)).toBe('pending');
  });

  it('reads several orders, errors as typed problems, and never throws', () => {
    const r = mapPayload(adapter, {
      body: JSON.stringify([fixture(), { error: 'Order not found' }]),
    });
    expect(r.shipments).toHaveLength(1);
    expect(r.problems).toEqual([
      { kind: 'not_found', code: null, message: 'Order not found', trackingNumber: null },
    ]);
    expect(
      mapPayload(adapter, {
        body: readFixture('karrio/boxknight/ErrorResponse.json'),
        httpStatus: 401,
        requested: ['abc'],
      }).problems,
    ).toEqual([{ kind: 'carrier_error', code: null, message: 'Unauthorized', trackingNumber: 'abc' }]);
    expect(mapPayload(adapter, { body: '{"error":"Too many requests"}' }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(
      mapPayload(adapter, { body: JSON.stringify({ ...fixture(), createdAt: '0000-00-00' }) }).shipments[0]
        ?.skipped,
    ).toEqual([{ code: 'GEOCODED', text: 'GEOCODED', reason: 'unreadable time "0000-00-00"' }]);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const res = mapPayload(adapter, { body: JSON.stringify(value) });
        return !res.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 200 },
    );
  });
});
