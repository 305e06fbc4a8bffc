import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { MapResult, TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';
import { serviceArea } from './place.js';

// Every DHL Express fixture (XML-PI and MyDHL) maps to the status and event count its source states once
// karrio's vocabulary is translated (picked_up is in_transit): no corrections.
describeFixtures(adapter, {});

const map = (file: string, extra: { httpStatus?: number; requested?: string[] } = {}): MapResult =>
  mapPayload(adapter, { body: readFixture(file), ...extra });
const byNumber = (r: MapResult, n: string) =>
  r.shipments.find((s) => s.trackingNumber === n) as TrackedShipment;

const xmlAnswer = (events: string) =>
  `<?xml version="1.0"?><req:TrackingResponse xmlns:req="http://www.dhl.com"><AWBInfo><AWBNumber>1234567890</AWBNumber><Status><ActionStatus>success</ActionStatus></Status><ShipmentInfo><Pieces>2</Pieces>${events}</ShipmentInfo></AWBInfo></req:TrackingResponse>`;

describe('dhl_express XML-PI', () => {
  it('reads every AWB of one answer, in DHL order, with its own events', () => {
    const r = map('karrio/dhl_express/TrackingResponseXML.xml');
    expect(r.problems).toEqual([]);
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length, s.pieces])).toEqual([
      ['3180831640', 16, 1],
      ['7740842550', 1, 3],
      ['1815115363', 2, 1],
    ]);
  });

  it('places Date + Time in the zone of the service area, seconds kept', () => {
    const s = byNumber(map('karrio/dhl_express/TrackingResponseXML.xml'), '3180831640');
    expect(s.events[0]).toMatchObject({
      occurredAt: '2009-08-28T11:26:00.000Z',
      occurredAtLocal: '2009-08-28 13:26:00',
      utcOffsetMinutes: 120,
      offsetSource: 'location_zone',
      rawCode: 'PU',
      status: 'in_transit',
      substatus: 'picked_up',
      location: { city: 'Barcelona', region: null, postalCode: null, countryCode: 'ES' },
    });
    // Leipzig, just after midnight local: the UTC instant is the day before.
    expect(s.events.find((e) => e.occurredAtLocal === '2009-08-29 00:32:16')).toMatchObject({
      occurredAt: '2009-08-28T22:32:16.000Z',
      rawCode: 'AF',
      substatus: 'arrived',
      location: { city: 'Leipzig', countryCode: 'DE' },
    });
    expect(s.events.at(-2)).toMatchObject({ rawCode: 'WC', status: 'out_for_delivery' });
    expect(s.events.at(-1)).toMatchObject({
      rawCode: 'OK',
      status: 'delivered',
      occurredAt: '2009-08-31T08:09:00.000Z',
    });
    expect(s.signedBy).toBe('CAMPAGNA');
    expect(s.origin).toMatchObject({ city: 'Barcelona', countryCode: 'ES' });
    expect(s.destination).toMatchObject({ city: 'Milan', countryCode: 'IT' });
  });

  it('keeps codes karrio leaves unmapped (RW re-weigh with no text, PO departing origin)', () => {
    const s = byNumber(map('karrio/dhl_express/TrackingResponseXML.xml'), '1815115363');
    expect(s.events.map((e) => [e.rawCode, e.rawText, e.status, e.mapped])).toEqual([
      ['PU', 'Shipment picked up', 'in_transit', true],
      ['RW', '', 'in_transit', true],
    ]);
    expect(s.events[1]).toMatchObject({ occurredAt: '2009-08-13T18:19:50.000Z', utcOffsetMinutes: 480 });
    // The Signatory of a non-delivery checkpoint (a weight here) is not a signature.
    expect(s.signedBy).toBeNull();
  });

  it('reads shipment facts: EDD in the destination calendar, product, parties, pieces', () => {
    const s = map('karrio/dhl_express/IntransitTrackingResponseXML.xml').shipments[0];
    expect(s).toMatchObject({
      trackingNumber: '9053283201',
      edd: { date: '2021-05-07', windowStart: null, windowEnd: null },
      service: 'EXPRESS WORLDWIDE',
      pieces: 1,
      origin: { city: 'Kingston 10', countryCode: 'JM' },
      destination: { city: 'BROOKLYN', region: 'NY', postalCode: '11233', countryCode: 'US' },
    });
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2021-05-05T14:42:00.000Z',
      utcOffsetMinutes: -300,
      offsetSource: 'location_zone',
      location: { city: 'KINGSTON', countryCode: 'JM' },
    });
  });

  it('reads service area descriptions in their three spellings', () => {
    expect(serviceArea('SPRINGFIELD GARDENS,NY-USA')).toEqual({
      city: 'SPRINGFIELD GARDENS',
      region: 'NY',
      postalCode: null,
      countryCode: 'US',
    });
    expect(serviceArea('KINGSTON-JAM')).toMatchObject({ city: 'KINGSTON', countryCode: 'JM' });
    expect(serviceArea('East Midlands - UK')).toMatchObject({ city: 'East Midlands', countryCode: 'GB' });
    expect(serviceArea('Aix-en-Provence')).toMatchObject({ city: 'Aix-en-Provence', countryCode: null });
  });

  it('maps errors: credentials/request errors are final, unknown AWBs are not found with their number', () => {
    expect(map('karrio/dhl_express/AuthError.xml').problems).toEqual([
      expect.objectContaining({ kind: 'carrier_error', code: '111', trackingNumber: null }),
    ]);
    expect(map('karrio/dhl_express/TrackingSingleNotFound.xml').problems).toEqual([
      {
        kind: 'not_found',
        code: '103',
        trackingNumber: '123456789',
        message: 'No Shipments Found for AWBNumber 123456789',
      },
    ]);
  });

  it('gives shipments and per-AWB problems side by side when only some waybills are known', () => {
    const body = `<req:TrackingResponse xmlns:req="http://www.dhl.com"><AWBInfo><AWBNumber>1234567890</AWBNumber><Status><ActionStatus>success</ActionStatus></Status></AWBInfo><AWBInfo><AWBNumber>5555555555</AWBNumber><Status><ActionStatus>No Shipments Found</ActionStatus><Condition><ConditionCode>101</ConditionCode><ConditionData>No Shipments Found for AWBNumber</ConditionData></Condition></Status></AWBInfo></req:TrackingResponse>`;
    const r = mapPayload(adapter, { body, requested: ['1234567890', '5555555555'] });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([['1234567890', 0]]);
    expect(r.problems).toEqual([
      {
        kind: 'not_found',
        code: '101',
        trackingNumber: '5555555555',
        message: 'No Shipments Found for AWBNumber',
      },
    ]);
  });

  it('reads an unknown code from its text, unmapped, and keeps it; an empty list gives no events', () => {
    const unknown = xmlAnswer(
      '<ShipmentEvent><Date>2024-03-02</Date><Time>16:05:09</Time><ServiceEvent><EventCode>ZZ</EventCode><Description>Returned to shipper</Description></ServiceEvent><ServiceArea><ServiceAreaCode>LON</ServiceAreaCode><Description>London-GBR</Description></ServiceArea></ShipmentEvent>',
    );
    expect(mapPayload(adapter, { body: unknown }).shipments[0]?.events[0]).toMatchObject({
      rawCode: 'ZZ',
      status: 'returning',
      mapped: false,
      occurredAt: '2024-03-02T16:05:09.000Z',
      offsetSource: 'location_zone',
    });
    const empty = mapPayload(adapter, { body: xmlAnswer('') });
    expect(empty.shipments[0]).toMatchObject({ trackingNumber: '1234567890', events: [], pieces: 2 });
    const noTime = xmlAnswer(
      '<ShipmentEvent><Date>2024-03-02</Date><ServiceEvent><EventCode>PU</EventCode></ServiceEvent></ShipmentEvent>',
    );
    expect(mapPayload(adapter, { body: noTime }).shipments[0]?.skipped).toEqual([
      { code: 'PU', text: '', reason: 'no time given' },
    ]);
  });

  it('never throws on bad bodies', () => {
    expect(mapPayload(adapter, { body: '<req:TrackingResponse>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<x/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<html>', httpStatus: 503 }).problems[0]?.kind).toBe('retryable');
  });
});

describe('dhl_express MyDHL API', () => {
  it('places date + time at the GMTOffset beside them, oldest first, with shipment facts', () => {
    const s = map('karrio/mydhl/schemas/tracking_response.json').shipments[0] as TrackedShipment;
    expect(
      s.events.map((e) => [e.rawCode, e.occurredAt, e.utcOffsetMinutes, e.offsetSource, e.status]),
    ).toEqual([
      ['PU', '2024-11-05T09:00:00.000Z', 60, 'carrier', 'in_transit'],
      ['PL', '2024-11-07T12:00:00.000Z', 0, 'carrier', 'in_transit'],
      ['OK', '2024-11-07T18:00:00.000Z', 0, 'carrier', 'delivered'],
    ]);
    // The service area "Prague" is the shipper's city, so it takes the shipper's country.
    expect(s.events[0]?.location).toEqual({
      city: 'Prague',
      region: null,
      postalCode: null,
      countryCode: 'CZ',
    });
    expect(s).toMatchObject({
      trackingNumber: '1234567890',
      service: 'EXPRESS WORLDWIDE',
      signedBy: 'J. Smith',
      pieces: 1,
      origin: { city: 'Prague', postalCode: '14800', countryCode: 'CZ' },
      destination: { city: 'New York', region: 'NY', postalCode: '10001', countryCode: 'US' },
      edd: { date: '2024-11-07', windowStart: null, windowEnd: null },
      carrierStatus: { code: 'delivered', text: 'delivered' },
    });
  });

  it('marks times without GMTOffset and without a known country as assumed UTC', () => {
    const s = map('karrio/mydhl/TrackingResponse.json').shipments[0] as TrackedShipment;
    expect(s.events.map((e) => [e.rawCode, e.occurredAt, e.offsetSource])).toEqual([
      ['PU', '2024-01-15T08:00:00.000Z', 'assumed_utc'],
      ['OK', '2024-01-15T17:00:00.000Z', 'assumed_utc'],
    ]);
    expect(s.events[1]?.location).toMatchObject({ city: 'New York', region: 'NY' });
  });

  it('maps problem bodies by status, naming the number from instance', () => {
    expect(map('karrio/mydhl/ErrorResponse.json').problems).toEqual([
      {
        kind: 'not_found',
        code: '404',
        trackingNumber: '9356579890',
        message: 'No shipments found for the given tracking number',
      },
    ]);
    const throttled = JSON.stringify({
      status: 429,
      title: 'Too Many Requests',
      detail: 'Rate limit exceeded',
    });
    expect(mapPayload(adapter, { body: throttled }).problems[0]?.kind).toBe('retryable');
    const auth = JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'Invalid credentials' });
    expect(mapPayload(adapter, { body: auth, requested: ['1234567890'] }).problems[0]).toMatchObject({
      kind: 'carrier_error',
      trackingNumber: '1234567890',
    });
    expect(map('karrio/mydhl/ProofOfDeliveryResponse.json').problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{"shipments":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
  });

  it('reads an unknown typeCode from its text and keeps it; no events is an empty list', () => {
    const body = JSON.stringify({
      shipments: [
        {
          shipmentTrackingNumber: '1234567890',
          status: 'transit',
          events: [
            {
              date: '2024-02-01',
              time: '07:30:00',
              GMTOffset: '-05:00',
              typeCode: 'QQ',
              description: 'Delivery attempted',
            },
          ],
        },
        { shipmentTrackingNumber: '9876543210', status: 'pre-transit', events: [] },
      ],
    });
    const r = mapPayload(adapter, { body });
    expect(r.shipments[0]?.events[0]).toMatchObject({
      rawCode: 'QQ',
      status: 'attempt_failed',
      mapped: false,
      occurredAt: '2024-02-01T12:30:00.000Z',
    });
    expect(r.shipments[1]).toMatchObject({ trackingNumber: '9876543210', events: [] });
  });
});
