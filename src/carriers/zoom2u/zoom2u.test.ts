import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// "Dropped Off" at statusChangeDateTime is the one event and means delivered, as EXPECTED says.
describeFixtures(adapter, {});

const fixture = () => JSON.parse(readFixture('karrio/zoom2u/TrackingResponse.json'));

describe('zoom2u', () => {
  it('one event: the current status at the time it changed', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/zoom2u/TrackingResponse.json') }).shipments[0];
    expect(s).toMatchObject({
      trackingNumber: 'Z20190101123456',
      carrierStatus: { code: 'Dropped Off', text: 'Dropped Off' },
      edd: null,
      signedBy: null,
    });
    expect(s?.events).toEqual([
      {
        occurredAt: '2018-11-12T10:29:16.867Z',
        occurredAtLocal: '2018-11-12T10:29:16.867Z',
        utcOffsetMinutes: 0,
        offsetSource: 'carrier',
        status: 'delivered',
        substatus: null,
        rawCode: 'Dropped Off',
        rawText: 'Dropped Off',
        location: null,
        mapped: true,
      },
    ]);
  });

  it('maps the documented statuses whatever their case; Unassigned has no time and gives no event', () => {
    const at = (status: string) =>
      mapPayload(adapter, { body: JSON.stringify({ ...fixture(), status }) }).shipments[0]?.events[0];
    expect(
      ['Picked Up', 'On Route to Dropoff', 'Tried to deliver', 'Returned', 'On Hold - With Courier'].map(
        (s) => [at(s)?.status, at(s)?.substatus, at(s)?.mapped],
      ),
    ).toEqual([
      ['in_transit', 'picked_up', true],
      ['out_for_delivery', null, true],
      ['attempt_failed', 'recipient_unavailable', true],
      ['returned', 'return_to_sender', true],
      ['exception', 'held', true],
    ]);
    expect(at('Courier delayed by traffic')).toMatchObject({
      status: 'in_transit',
      substatus: 'carrier_delay',
      mapped: false,
    });
    const unassigned = mapPayload(adapter, {
      body: JSON.stringify({ ...fixture(), status: 'Unassigned', statusChangeDateTime: null }),
    }).shipments[0];
    expect(unassigned?.events).toEqual([]);
    expect(unassigned?.skipped).toEqual([
      { code: 'Unassigned', text: 'Unassigned', reason: 'no time given' },
    ]);
    expect(unassigned && derivedStatus(unassigned)).toBe('pending');
  });

  it('reads errors as typed problems, several bookings as several shipments, never throws', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/zoom2u/ErrorResponse.json'), requested: ['Z1'] })
        .problems,
    ).toEqual([{ kind: 'carrier_error', code: '403', message: 'Forbidden', trackingNumber: 'Z1' }]);
    expect(
      mapPayload(adapter, { body: '{"message":"Reference not found"}', httpStatus: 404 }).problems[0]?.kind,
    ).toBe('not_found');
    expect(
      mapPayload(adapter, { body: '{"error-code":"503","message":"Service Unavailable"}' }).problems[0]?.kind,
    ).toBe('retryable');
    const two = mapPayload(adapter, {
      body: JSON.stringify([fixture(), { ...fixture(), reference: 'T20200101999999' }]),
    });
    expect(two.shipments.map((s) => s.trackingNumber)).toEqual(['Z20190101123456', 'T20200101999999']);
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const res = mapPayload(adapter, { body: JSON.stringify(value) });
        return !res.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 200 },
    );
  });

  it('detects booking references by their shape only', () => {
    expect(adapter.detect?.('Z20190101123456')).toEqual([
      {
        carrier: 'zoom2u',
        confidence: 0.4,
        reason: 'Zoom2u booking reference shape (letter + date + serial)',
      },
    ]);
    expect(adapter.detect?.('Z20191301123456')).toEqual([]);
    expect(adapter.detect?.('1Z999AA10123456784')).toEqual([]);
  });
});
