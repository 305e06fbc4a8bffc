import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { dotNetDate } from './dates.js';
import { adapter } from './index.js';

// The SmartKargo fixtures map to karrio's status and event counts (PND, which karrio leaves without a status,
// reads "In Transit"): no corrections.
describeFixtures(adapter, {});

const row = (eventType: string, eventDate: string, extra: object = {}) => ({
  prefix: 'AXB',
  airWaybill: '00006510',
  headerReference: 'yogi045',
  packageReference: 'yogi045',
  pieceReference: 'yogi045-001',
  eventType,
  eventDate,
  eventLocation: 'LAX',
  pieces: 1,
  description: `${eventType} event`,
  estimatedDeliveryDate: '2021-01-28T23:59:00',
  ...extra,
});

describe('smartkargo', () => {
  it('groups pieces under the shipment reference, oldest first, with EDD and piece count', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/smartkargo/TrackingResponse.json') })
      .shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.occurredAt, e.offsetSource])).toEqual([
      ['BKD', 'info_received', 'label_created', '2021-01-25T13:03:17.000Z', 'assumed_utc'],
      ['DDL', 'delivered', null, '2021-01-26T14:30:00.000Z', 'assumed_utc'],
    ]);
    expect(s?.events[0]?.location).toEqual({
      city: 'BOS',
      region: null,
      postalCode: null,
      countryCode: null,
    });
    expect(s).toMatchObject({
      trackingNumber: 'YOGI045',
      edd: { date: '2021-01-28', windowStart: null, windowEnd: null },
      pieces: 2,
    });
  });

  it('places partner events in the timezone SmartKargo gives beside the address', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/smartkargo/PartnerTrackingResponse.json') })
      .shipments[0];
    expect(s?.events[0]).toMatchObject({
      rawCode: 'RCS',
      substatus: 'picked_up',
      occurredAt: '2024-03-14T12:00:00.000Z',
      occurredAtLocal: '2024-03-14T08:00:00',
      utcOffsetMinutes: -240,
      offsetSource: 'carrier',
      location: { city: 'Boston', region: 'MA', postalCode: '02101', countryCode: 'US' },
    });
    expect(s?.trackingNumber).toBe('TESTREF001');
  });

  it('reads .NET dates: seven fractional digits, /Date(ms±hhmm)/ and ticks', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/smartkargo/DotNetTicksTrackingResponse.json') })
      .shipments[0];
    expect(s?.events[0]).toMatchObject({
      rawCode: 'PND',
      status: 'in_transit',
      occurredAt: '2026-04-17T23:43:17.657Z',
      occurredAtLocal: '2026-04-17T23:43:17.6571145',
    });
    expect(s?.edd?.date).toBe('2026-04-23');
    const body = JSON.stringify([
      row('DEP', '/Date(1611671400000+0200)/', { estimatedDeliveryDate: '/Date(1611878340000)/' }),
      row('ARR', '/Date(1611675000000)/'),
    ]);
    const t = mapPayload(adapter, { body }).shipments[0];
    expect(
      t?.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.utcOffsetMinutes, e.offsetSource]),
    ).toEqual([
      ['2021-01-26T14:30:00.000Z', '/Date(1611671400000+0200)/', 120, 'carrier'],
      ['2021-01-26T15:30:00.000Z', '/Date(1611675000000)/', 0, 'carrier'],
    ]);
    expect(dotNetDate('638489941976571145')).toBe('2024-04-17T23:43:17.657');
  });

  it('gives several shipments for several references; unknown codes from their text, unmapped', () => {
    const body = JSON.stringify([
      row('XYZ', '2021-01-27T10:00:00', { description: 'Out for delivery' }),
      row('BKD', '2021-01-25T10:00:00', { headerReference: 'other-ref' }),
      row('DLV', 'soon', { headerReference: 'other-ref' }),
    ]);
    const r = mapPayload(adapter, { body });
    expect(r.shipments.map((s) => s.trackingNumber)).toEqual(['YOGI045', 'OTHERREF']);
    expect(r.shipments[0]?.events[0]).toMatchObject({
      rawCode: 'XYZ',
      status: 'out_for_delivery',
      mapped: false,
    });
    expect(r.shipments[1]?.skipped).toEqual([
      { code: 'DLV', text: 'DLV event', reason: 'unreadable time "soon"' },
    ]);
  });

  it('maps errors to typed problems and never throws', () => {
    expect(
      mapPayload(adapter, {
        body: readFixture('karrio/smartkargo/ErrorResponse.json'),
        requested: ['yogi045'],
      }).problems,
    ).toEqual([
      {
        kind: 'not_found',
        trackingNumber: 'yogi045',
        code: 'NOT_FOUND',
        message: 'Tracking information not found',
      },
    ]);
    expect(mapPayload(adapter, { body: '[]' }).problems[0]?.kind).toBe('not_found');
    expect(
      mapPayload(adapter, { body: '{"error":{"code":"UNAUTHORIZED","message":"bad key"}}' }).problems[0]
        ?.kind,
    ).toBe('carrier_error');
    expect(mapPayload(adapter, { body: '[{"eventType":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '"text"' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
  });
});
