import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/dhl_universal/TrackingResponseJSON.json': {
    status: 'info_received',
    reason:
      "The one event's statusCode is 'pre-transit' (DHL's class: known, not yet received); karrio's in_transit is its default for a statusCode missing from its table (SOURCES.md: DHL Unified maps only delivered/transit/failure/unknown), and EXPECTED.json notes the sample's status text 'DELIVERED' contradicts its class.",
  },
});

const FILE = 'karrio/dhl_universal/TrackingResponseJSON.json';
const doc = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ shipments: [{ id: 'JJD000390007890551', service: 'parcel-de', events, ...extra }] });

describe('dhl_unified', () => {
  it('maps the statusCode class, local timestamps in the zone of their address, and shipment facts', () => {
    const r = mapPayload(adapter, { body: readFixture(FILE) });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.events).toEqual([
      {
        occurredAt: '2018-03-02T06:53:47.000Z',
        occurredAtLocal: '2018-03-02T07:53:47',
        utcOffsetMinutes: 60,
        offsetSource: 'location_zone',
        status: 'info_received',
        substatus: 'label_created',
        rawCode: 'pre-transit',
        rawText: 'JESSICA',
        location: { city: 'AMSTERDAM', region: null, postalCode: '1043 AG', countryCode: 'NL' },
        mapped: true,
      },
    ]);
    expect(s).toMatchObject({
      trackingNumber: '7777777770',
      // The product name is "UNKNOWN - Product unknown": the division is the better name.
      service: 'express',
      signedBy: 'John',
      pieces: 8,
      origin: { city: 'AMSTERDAM', countryCode: 'NL' },
      edd: {
        date: '2018-08-03',
        windowStart: '2018-08-03T00:00:00.000Z',
        windowEnd: '2018-08-03T22:00:00.000Z',
      },
      carrierStatus: { code: 'pre-transit', text: 'DELIVERED' },
    });
  });

  it('keeps offsets DHL writes, newest-first lists come out oldest first, failure text refines the class', () => {
    const s = mapPayload(adapter, {
      body: doc([
        {
          timestamp: '2024-05-03T10:12:00+02:00',
          statusCode: 'delivered',
          status: 'DELIVERED',
          description: 'Delivered',
        },
        {
          timestamp: '2024-05-02T17:40:00+02:00',
          statusCode: 'failure',
          description: 'The recipient was not at home; delivery will be attempted again',
        },
        { timestamp: '2024-05-02T08:01:00+02:00', statusCode: 'failure', description: 'Shipment damaged' },
        {
          timestamp: '2024-05-01T06:00:00Z',
          statusCode: 'transit',
          description: 'Processed in parcel center',
        },
      ]),
    }).shipments[0];
    expect(s?.events.map((e) => [e.occurredAt, e.utcOffsetMinutes, e.status, e.substatus])).toEqual([
      ['2024-05-01T06:00:00.000Z', 0, 'in_transit', 'in_transit'],
      ['2024-05-02T06:01:00.000Z', 120, 'exception', 'unknown_problem'],
      ['2024-05-02T15:40:00.000Z', 120, 'attempt_failed', 'recipient_unavailable'],
      ['2024-05-03T08:12:00.000Z', 120, 'delivered', null],
    ]);
    expect(s?.events.every((e) => e.offsetSource === 'carrier')).toBe(true);
  });

  it('reads an unknown statusCode from its text, unmapped; a status without events is one event', () => {
    const odd = mapPayload(adapter, {
      body: doc([
        { timestamp: '2024-05-01T06:00:00Z', statusCode: 'returned', description: 'Returned to sender' },
      ]),
    }).shipments[0];
    expect(odd?.events[0]).toMatchObject({ rawCode: 'returned', status: 'returning', mapped: false });
    const statusOnly = mapPayload(adapter, {
      body: doc([], {
        status: { timestamp: '2024-05-01T09:00:00+02:00', statusCode: 'transit', status: 'In transit' },
      }),
    }).shipments[0];
    expect(statusOnly?.events).toHaveLength(1);
    expect(statusOnly?.carrierStatus).toEqual({ code: 'transit', text: 'In transit' });
    const none = mapPayload(adapter, { body: doc([]) }).shipments[0];
    expect(none).toMatchObject({ trackingNumber: 'JJD000390007890551', events: [] });
  });

  it('gives several shipments for one number when several divisions know it', () => {
    const body = JSON.stringify({
      shipments: [
        { id: '7777777770', service: 'express', events: [] },
        { id: '7777777770', service: 'parcel-de', events: [] },
      ],
    });
    expect(mapPayload(adapter, { body }).shipments.map((s) => s.service)).toEqual(['express', 'parcel-de']);
  });

  it('reads pushed shipments, and ignores the push API’s subscription messages', () => {
    const pushed = JSON.parse(readFixture(FILE));
    const push = JSON.stringify({ scope: 'subscription.push', self: 'https://api-eu.dhl.com/x', ...pushed });
    expect(mapPayload(adapter, { body: push }).shipments.map((s) => s.trackingNumber)).toEqual(
      mapPayload(adapter, { body: readFixture(FILE) }).shipments.map((s) => s.trackingNumber),
    );
    const validate = JSON.stringify({ scope: 'subscription.validate', secret: 'abc' });
    expect(mapPayload(adapter, { body: validate })).toEqual({
      shipments: [],
      problems: [
        {
          kind: 'ignored',
          code: 'subscription.validate',
          trackingNumber: null,
          message: 'DHL push message subscription.validate',
        },
      ],
    });
  });

  it('maps problem bodies and bad bodies to problems, never an exception', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/dhl_universal/TrackingErrorResponseJSON.json') })
        .problems,
    ).toEqual([
      {
        kind: 'not_found',
        code: '404',
        trackingNumber: '8264715546',
        message: 'No shipment with given tracking number found.',
      },
    ]);
    const limited = JSON.stringify({ status: 429, title: 'Too many requests', detail: 'Rate limit reached' });
    expect(mapPayload(adapter, { body: limited }).problems[0]?.kind).toBe('retryable');
    const denied = JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'Invalid API key' });
    expect(mapPayload(adapter, { body: denied }).problems[0]?.kind).toBe('carrier_error');
    expect(mapPayload(adapter, { body: '{"shipments": []}', requested: ['123'] }).problems[0]).toMatchObject({
      kind: 'not_found',
      trackingNumber: '123',
    });
    expect(mapPayload(adapter, { body: '{"shipments":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '[]' }).problems[0]?.kind).toBe('malformed');
  });
});
