import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/nationex/TrackingResponse.json': {
    status: 'attempt_failed',
    eventCount: 2,
    reason:
      'Parcels[0].History holds a parcel scan karrio does not read: ExceptionId 5 "Unavailable consignee - Delivery attempt on next business day" at 2021-03-31 13:31 (Blainville). With StatusHistories\' DataReceived that is 2 events and a failed attempt; karrio\'s in_transit is only its default for the unlisted shipment status "Creation".',
  },
});

const fixture = () => JSON.parse(readFixture('karrio/nationex/TrackingResponse.json'));

describe('nationex', () => {
  it('reads the status trail (UTC) and the parcel scans (local, at a depot), oldest first', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/nationex/TrackingResponse.json') })
      .shipments[0];
    expect(s?.events).toEqual([
      expect.objectContaining({
        rawCode: 'DataReceived',
        rawText: 'Data received',
        status: 'info_received',
        substatus: 'label_created',
        occurredAt: '2019-08-24T14:15:22.000Z',
        offsetSource: 'carrier',
        utcOffsetMinutes: 0,
        location: { city: 'St-Hubert', region: null, postalCode: null, countryCode: 'CA' },
        mapped: true,
      }),
      expect.objectContaining({
        rawCode: '5',
        rawText: 'Unavailable consignee - Delivery attempt on next business day',
        status: 'attempt_failed',
        substatus: 'recipient_unavailable',
        occurredAtLocal: '2021-03-31 13:31:00',
        // Blainville is not in the world-cities list and Nationex names no province for its depots.
        offsetSource: 'assumed_utc',
        mapped: true,
      }),
    ]);
  });

  it('keeps the shipment facts: EDD with its window in the recipient’s zone, pieces, addresses, status', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/nationex/TrackingResponse.json') })
      .shipments[0];
    expect(s).toMatchObject({
      trackingNumber: '103882774',
      // "Between 12:45 and 13:45" in Montreal (EDT, -04:00) on 2021-04-16.
      edd: {
        date: '2021-04-16',
        windowStart: '2021-04-16T16:45:00.000Z',
        windowEnd: '2021-04-16T17:45:00.000Z',
      },
      service: 'Delivery',
      pieces: 2,
      origin: { city: 'Montreal', region: 'QC', postalCode: 'H2H2S2', countryCode: 'CA' },
      destination: { city: 'Montreal', region: 'QC', postalCode: 'H2H2S2', countryCode: 'CA' },
      carrierStatus: { code: 'Creation', text: 'Data received' },
      signedBy: null,
    });
  });

  it('a depot in the recipient’s town takes its province and zone; unknown codes read their words', () => {
    const doc = fixture();
    doc.Parcels[0].History = [
      {
        ProcessedDate: '2021-04-16 13:05:00',
        ExceptionId: 0,
        CityDepot: 'Montreal',
        DescriptionEn: 'Delivered',
      },
      {
        ProcessedDate: '2021-04-16 08:10:00',
        ExceptionId: 77,
        CityDepot: 'Montreal',
        DescriptionEn: 'Parcel damaged',
      },
    ];
    doc.StatusHistories.push({
      ShipmentStatus: 'Teleported',
      ShipmentStatusEn: 'On vehicle for delivery',
      StatusDate: '2021-04-16T11:00:00Z',
    });
    const s = mapPayload(adapter, { body: JSON.stringify(doc) }).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.mapped, e.occurredAt, e.offsetSource])).toEqual([
      ['DataReceived', 'info_received', true, '2019-08-24T14:15:22.000Z', 'carrier'],
      ['Teleported', 'out_for_delivery', false, '2021-04-16T11:00:00.000Z', 'carrier'],
      ['77', 'exception', false, '2021-04-16T12:10:00.000Z', 'location_zone'],
      ['', 'delivered', false, '2021-04-16T17:05:00.000Z', 'location_zone'],
    ]);
    expect(s && derivedStatus(s)).toBe('delivered');
  });

  it('maps the shipment statuses karrio knows, returns included', () => {
    const doc = fixture();
    doc.Parcels = [];
    doc.StatusHistories = [
      { ShipmentStatus: 'Pickup', StatusDate: '2021-04-01T12:00:00Z' },
      { ShipmentStatus: 'ReturnToSender', StatusDate: '2021-04-03T12:00:00Z' },
    ];
    const s = mapPayload(adapter, { body: JSON.stringify(doc) }).shipments[0];
    expect(s?.events.map((e) => [e.status, e.substatus])).toEqual([
      ['in_transit', 'picked_up'],
      ['returning', 'return_to_sender'],
    ]);
    expect(s?.edd).toBeNull();
  });

  it('gives several shipments for an array, an empty history as no events', () => {
    const a = { ...fixture(), StatusHistories: [], Parcels: [] };
    const b = { ...fixture(), ShipmentId: 103882775 };
    const r = mapPayload(adapter, {
      body: JSON.stringify([a, b, { code: 404, message: 'ShipmentId 9 does not exist' }]),
    });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([
      ['103882774', 0],
      ['103882775', 2],
    ]);
    expect(r.problems).toEqual([
      { kind: 'not_found', code: '404', message: 'ShipmentId 9 does not exist', trackingNumber: '9' },
    ]);
  });

  it('reads errors as typed problems and never throws', () => {
    expect(mapPayload(adapter, { body: readFixture('karrio/nationex/ErrorResponse.json') }).problems).toEqual(
      [
        {
          kind: 'not_found',
          code: '404',
          message: 'ShipmentId 501399432 does not exist',
          trackingNumber: '501399432',
        },
      ],
    );
    expect(
      mapPayload(adapter, { body: '{"code":401,"message":"Unauthorized"}', requested: ['1'] }).problems,
    ).toEqual([{ kind: 'carrier_error', code: '401', message: 'Unauthorized', trackingNumber: '1' }]);
    expect(
      mapPayload(adapter, { body: '{"code":429,"message":"Too many requests"}' }).problems[0]?.kind,
    ).toBe('retryable');
    expect(mapPayload(adapter, { body: '{"ShipmentId":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '[]' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<html>Bad Gateway</html>', httpStatus: 502 }).problems[0]?.kind).toBe(
      'retryable',
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = mapPayload(adapter, { body: JSON.stringify(value) });
        return !r.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 200 },
    );
  });
});
