import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { MapResult } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Every FedEx fixture maps to the status and event count its source states: no corrections needed.
describeFixtures(adapter, {});

const map = (file: string, extra: { httpStatus?: number; requested?: string[] } = {}): MapResult =>
  mapPayload(adapter, { body: readFixture(file), ...extra });

const only = (r: MapResult) => {
  expect(r.shipments).toHaveLength(1);
  return r.shipments[0] as NonNullable<MapResult['shipments'][0]>;
};

describe('fedex Track API (JSON)', () => {
  it('honours each scan offset, and places the one scan without an offset in its location zone', () => {
    const s = only(map('karrio/fedex/InconsistentDateTimeResponse.json'));
    const pickup = s.events.find((e) => e.rawCode === 'PU');
    expect(pickup).toMatchObject({
      occurredAt: '2024-08-15T05:00:00.000Z',
      occurredAtLocal: '2024-08-15T00:00:00',
      utcOffsetMinutes: -300,
      offsetSource: 'location_zone',
      location: { city: 'MANKATO', region: 'MN', postalCode: '56001', countryCode: 'US' },
    });
    const delivered = s.events.at(-1);
    expect(delivered).toMatchObject({
      occurredAt: '2024-08-20T16:41:57.000Z',
      utcOffsetMinutes: -240,
      offsetSource: 'carrier',
      rawCode: 'DL',
      status: 'delivered',
    });
    // The route crosses from -05:00 to -04:00; both are kept as FedEx wrote them.
    expect(s.events.find((e) => e.occurredAtLocal === '2024-08-16T07:35:16-05:00')?.occurredAt).toBe(
      '2024-08-16T12:35:16.000Z',
    );
    expect(s.events.map((e) => e.occurredAt)).toEqual([...s.events.map((e) => e.occurredAt)].sort());
    expect(s).toMatchObject({
      service: 'FedEx Ground',
      signedBy: 'CREILLY',
      pieces: 1,
      origin: { city: 'NORTH MANKATO', region: 'MN', countryCode: 'US' },
      destination: { city: 'BLUE POINT', region: 'NY', countryCode: 'US' },
      carrierStatus: { code: 'DL', text: 'Delivered' },
      edd: { date: '2024-08-21', windowStart: null, windowEnd: null },
    });
  });

  it('gives every shipment FedEx holds under a reused number, the most recent first', () => {
    const r = map('karrio/fedex/DuplicateTrackingResponse.json');
    expect(r.problems).toEqual([]);
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length, s.carrierStatus?.code])).toEqual([
      ['776094337676', 8, 'DL'],
      ['776094337676', 10, 'FD'],
    ]);
    const [delivered, earlier] = r.shipments;
    expect(delivered).toMatchObject({
      signedBy: 'D.HERRERA',
      service: 'FedEx Priority Overnight',
      origin: { city: 'CLOVIS', region: 'CA' },
      destination: { city: 'FRESNO', region: 'CA' },
      edd: { date: '2024-04-26' },
    });
    // The exception code is kept with the event type, and decides the meaning of the delivery exception.
    expect(delivered?.events.filter((e) => e.rawCode.startsWith('DE'))).toMatchObject([
      {
        rawCode: 'DE.08',
        rawText: 'Delivery exception: Customer not available or business closed',
        status: 'attempt_failed',
        substatus: 'recipient_unavailable',
        mapped: true,
      },
      { rawCode: 'DE.A47', status: 'in_transit', substatus: 'rerouted', mapped: true },
    ]);
    expect(earlier?.events.find((e) => e.rawCode === 'DY.A52')).toMatchObject({
      status: 'in_transit',
      substatus: 'carrier_delay',
    });
    expect(earlier?.events.find((e) => e.rawCode === 'HP')).toMatchObject({
      status: 'available_for_pickup',
      substatus: 'held_at_facility',
    });
  });

  it('keeps a result with data beside its error, and reports the number FedEx cannot find', () => {
    const r = map('karrio/fedex/TrackingResponse.json');
    const s = only(r);
    // FedEx answered under another number than the one asked for: kept as FedEx gives it.
    expect(s.trackingNumber).toBe('128667043726');
    expect(s.events).toMatchObject([
      {
        rawCode: 'PU.A25',
        status: 'in_transit',
        substatus: 'picked_up',
        occurredAt: '2018-02-02T19:01:00.000Z',
      },
    ]);
    expect(s.edd).toEqual({
      date: '2021-10-01',
      windowStart: '2021-10-01T15:00:00.000Z',
      windowEnd: '2021-10-15T06:00:00.000Z',
    });
    expect(s.signedBy).toBe('Reciever');
    expect(s.pieces).toBe(1);
    expect(r.problems).toEqual([
      {
        kind: 'carrier_error',
        code: 'TRACKING.TRACKINGNUMBER.EMPTY',
        message: 'Please provide tracking number.',
        trackingNumber: '123456789012',
      },
      {
        kind: 'not_found',
        code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
        message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
        trackingNumber: '39936862321',
      },
    ]);
  });

  it('reads request errors, documents that are not tracking, and broken bodies as problems', () => {
    expect(map('karrio/fedex/ErrorResponse.json').problems).toEqual([
      {
        kind: 'carrier_error',
        code: 'TRACKING.TRACKINGNUMBER.EMPTY',
        message: 'Please provide tracking number.',
        trackingNumber: null,
      },
    ]);
    expect(map('karrio/fedex/ProofOfDeliveryResponse.json')).toMatchObject({
      shipments: [],
      problems: [{ kind: 'malformed' }],
    });
    expect(mapPayload(adapter, { body: '{"output":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'Service Unavailable', httpStatus: 503 }).problems[0]?.kind).toBe(
      'retryable',
    );
    const limited = JSON.stringify({ errors: [{ code: 'TOO.MANY.REQUESTS.ERROR', message: 'slow down' }] });
    expect(mapPayload(adapter, { body: limited, httpStatus: 429 }).problems[0]?.kind).toBe('retryable');
    const auth = JSON.stringify({ errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'no' }] });
    expect(mapPayload(adapter, { body: auth, httpStatus: 401 }).problems[0]?.kind).toBe('carrier_error');
  });

  const doc = (result: object) =>
    JSON.stringify({
      output: { completeTrackResults: [{ trackingNumber: '111111111111', trackResults: [result] }] },
    });

  it('classes an unknown event type by its derived status code, keeping the raw code', () => {
    const body = doc({
      trackingNumberInfo: { trackingNumber: '111111111111' },
      scanEvents: [
        {
          date: '2024-05-01T10:00:00-05:00',
          eventType: 'ZZ',
          derivedStatusCode: 'DL',
          eventDescription: 'Left with the neighbour',
          scanLocation: { city: 'DALLAS', stateOrProvinceCode: 'TX', countryCode: 'US' },
        },
        { date: '2024-04-30T10:00:00-05:00', eventType: 'QQ', eventDescription: 'Something new' },
      ],
    });
    const s = only(mapPayload(adapter, { body }));
    expect(s.events.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['QQ', 'in_transit', false],
      ['ZZ', 'delivered', false],
    ]);
  });

  it("reads a delivery exception's own words when its code is not in the table", () => {
    const body = doc({
      trackingNumberInfo: { trackingNumber: '111111111111' },
      scanEvents: [
        {
          date: '2024-05-01T10:00:00-05:00',
          eventType: 'DE',
          exceptionCode: 'X9',
          eventDescription: 'Delivery exception',
          exceptionDescription: 'Recipient refused the package',
        },
        {
          date: '2024-05-02T10:00:00-05:00',
          eventType: 'DE',
          exceptionCode: 'X8',
          eventDescription: 'Delivery exception',
          exceptionDescription: 'Something else',
        },
      ],
    });
    expect(
      only(mapPayload(adapter, { body })).events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped]),
    ).toEqual([
      ['DE.X9', 'exception', 'refused', true],
      ['DE.X8', 'attempt_failed', null, true],
    ]);
  });

  it('makes one event of a delivered status without scans, timed by the actual delivery', () => {
    const body = doc({
      trackingNumberInfo: { trackingNumber: '111111111111' },
      latestStatusDetail: { code: 'DL', derivedCode: 'DL', description: 'Delivered' },
      dateAndTimes: [{ type: 'ACTUAL_DELIVERY', dateTime: '2024-05-03T14:05:09-07:00' }],
      scanEvents: [],
    });
    expect(only(mapPayload(adapter, { body })).events).toMatchObject([
      { rawCode: 'DL', status: 'delivered', occurredAt: '2024-05-03T21:05:09.000Z', utcOffsetMinutes: -420 },
    ]);
    const noTime = doc({
      trackingNumberInfo: { trackingNumber: '111111111111' },
      latestStatusDetail: { code: 'IT', description: 'In transit' },
    });
    expect(only(mapPayload(adapter, { body: noTime }))).toMatchObject({
      events: [],
      carrierStatus: { code: 'IT', text: 'In transit' },
    });
  });
});

describe('fedex Web Services (XML)', () => {
  it('reads offsets to the second and keeps FedEx text and codes', () => {
    const s = only(map('active_shipping/fedex/tracking_response_delivered_with_signature.xml'));
    expect(s.events.at(-1)).toMatchObject({
      occurredAt: '2014-01-02T18:23:29.000Z',
      occurredAtLocal: '2014-01-02T13:23:29-05:00',
      utcOffsetMinutes: -300,
      offsetSource: 'carrier',
      rawCode: 'DL',
      rawText: 'Delivered',
      location: { city: 'Miami', region: 'FL', postalCode: '33126', countryCode: 'US' },
    });
    expect(s.events.slice(0, 3).map((e) => e.rawCode)).toEqual(['PU', 'OC', 'AR']);
    expect(s).toMatchObject({
      signedBy: 'AVILLALON',
      service: 'FedEx Home Delivery',
      pieces: 1,
      origin: { city: 'JEFFERSONVILLE', region: 'IN' },
      destination: { city: 'Miami', region: 'FL' },
      carrierStatus: { code: 'DL', text: 'Delivered' },
    });
  });

  it('keeps a non-US offset and reads the clearance exception code', () => {
    const s = only(map('active_shipping/fedex/tracking_response_in_transit.xml'));
    expect(s.events).toMatchObject([
      {
        occurredAt: '2014-11-18T07:13:00.000Z',
        utcOffsetMinutes: 660,
        rawCode: 'IT.72',
        rawText: 'In transit: Package available for clearance',
        status: 'in_transit',
        substatus: 'customs_clearance',
      },
    ]);
    expect(s.pieces).toBe(6);
    expect(s.origin).toBeNull();
    expect(s.destination).toMatchObject({ city: 'GRAFTON', countryCode: 'AU' });
  });

  it('maps delivery substatuses and leaves "Signature not required" out of signedBy', () => {
    const door = only(map('active_shipping/fedex/tracking_response_delivered_at_door.xml'));
    expect(door.events.at(-1)).toMatchObject({ rawCode: 'DL.014', substatus: 'left_at_door' });
    expect(door.signedBy).toBeNull();
    // A date-only pick-up without an offset takes Cambridge, Ohio's zone.
    expect(door.events[0]).toMatchObject({
      rawCode: 'PU',
      occurredAt: '2014-01-03T05:00:00.000Z',
      offsetSource: 'location_zone',
    });
    const facility = only(map('active_shipping/fedex/tracking_response_delivered_at_facility.xml'));
    expect(facility.events.slice(-2).map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['HP.015A', 'available_for_pickup', 'at_pickup_point'],
      ['DL.005', 'delivered', 'collected'],
    ]);
    const exception = only(map('active_shipping/fedex/tracking_response_shipment_exception.xml'));
    expect(exception.events.at(-1)).toMatchObject({
      rawCode: 'SE.099',
      status: 'exception',
      substatus: 'undeliverable',
    });
  });

  it('gives a blank state as no region', () => {
    const s = only(map('active_shipping/fedex/tracking_response_with_blank_state.xml'));
    expect(s.destination).toEqual({ city: 'SAITAMA', region: null, postalCode: null, countryCode: 'JP' });
    expect(s.signedBy).toBe('..SAITOU');
  });

  it('keeps shipments without status or events, with nothing invented', () => {
    for (const file of [
      'active_shipping/fedex/tracking_response_empty_status_detail.xml',
      'active_shipping/fedex/tracking_response_missing_status_code.xml',
    ]) {
      const r = map(file);
      expect(r.problems).toEqual([]);
      expect(only(r)).toMatchObject({ trackingNumber: '123456789012', events: [], carrierStatus: null });
    }
  });

  it('lists every shipment of a duplicate waybill, latest shipped first', () => {
    const r = map('active_shipping/fedex/tracking_response_multiple_results.xml');
    expect(r.shipments.map((s) => [s.trackingNumber, s.destination?.city])).toEqual([
      ['123456789012', 'COLLIERVILLE'],
      ['123456789012', 'TONNESSEE'],
      ['123456789012', 'GRAFTON'],
    ]);
  });

  it('reads notifications as typed problems, 9045 and 6330 as worth retrying', () => {
    const kinds = (file: string, requested?: string[]) =>
      map(file, requested ? { requested } : {}).problems.map((p) => [p.kind, p.code, p.trackingNumber]);
    expect(kinds('active_shipping/fedex/tracking_response_failure_code_9045.xml')).toEqual([
      ['retryable', '9045', '020207021381215'],
    ]);
    expect(kinds('active_shipping/fedex/tracking_response_unable_to_process.xml')).toEqual([
      ['retryable', '6330', null],
    ]);
    expect(kinds('active_shipping/fedex/tracking_response_failure_code_9080.xml', ['123'])).toEqual([
      ['carrier_error', '9080', '123'],
    ]);
    expect(kinds('active_shipping/fedex/tracking_response_not_found.xml')).toEqual([
      ['not_found', '9040', '123456789013'],
    ]);
    expect(kinds('active_shipping/fedex/tracking_response_invalid_tracking_number.xml')).toEqual([
      ['not_found', '6035', '123456789013'],
    ]);
    expect(kinds('active_shipping/fedex/tracking_response_bad_tracking_number.xml', ['999'])).toEqual([
      ['not_found', '5508', '999'],
    ]);
    expect(kinds('karrio/fedex_ws/TrackingAuthErrorXML.xml')).toEqual([['carrier_error', '1000', null]]);
    expect(kinds('karrio/fedex_ws/TrackingErrorResponseXML.xml')).toEqual([
      ['not_found', '6035', '1Z12345E1305277940'],
    ]);
  });

  it('reads a v14 SOAP answer and leaves the anticipated tender date out of the estimate', () => {
    const s = only(map('karrio/fedex_ws/TrackingResponseXML.xml'));
    expect(s.events.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['OC', 'info_received', true],
      ['PU', 'in_transit', true],
      ['AE', 'in_transit', true],
    ]);
    expect(s.events[1]).toMatchObject({ occurredAt: '2022-12-02T21:21:00.000Z', utcOffsetMinutes: -420 });
    expect(s.edd).toBeNull();
  });

  const reply = (details: string) =>
    `<TrackReply xmlns="http://fedex.com/ws/track/v7"><HighestSeverity>SUCCESS</HighestSeverity><CompletedTrackDetails><TrackDetails><Notification><Severity>SUCCESS</Severity></Notification><TrackingNumber>222222222222</TrackingNumber>${details}</TrackDetails></CompletedTrackDetails></TrackReply>`;

  it('makes one event of a status without events when it has a time, and reads an estimate', () => {
    const s = only(
      mapPayload(adapter, {
        body: reply(
          '<StatusDetail><CreationTime>2014-02-03T09:10:11-06:00</CreationTime><Code>OD</Code><Description>On FedEx vehicle for delivery</Description></StatusDetail><EstimatedDeliveryTimestamp>2014-02-03T17:00:00-06:00</EstimatedDeliveryTimestamp>',
        ),
      }),
    );
    expect(s.events).toMatchObject([
      { rawCode: 'OD', status: 'out_for_delivery', occurredAt: '2014-02-03T15:10:11.000Z' },
    ]);
    expect(s.edd).toEqual({ date: '2014-02-03', windowStart: null, windowEnd: '2014-02-03T23:00:00.000Z' });
  });

  it('marks unknown event types as unmapped and reads them from their text', () => {
    const s = only(
      mapPayload(adapter, {
        body: reply(
          '<Events><Timestamp>2014-02-03T09:10:11-06:00</Timestamp><EventType>QX</EventType><EventDescription>Arrived at FedEx hub</EventDescription></Events>',
        ),
      }),
    );
    expect(s.events).toMatchObject([
      { rawCode: 'QX', status: 'in_transit', substatus: 'arrived', mapped: false },
    ]);
  });

  it('reports broken XML and SOAP faults', () => {
    expect(mapPayload(adapter, { body: '<TrackReply><Events></TrackReply>' }).problems[0]?.kind).toBe(
      'malformed',
    );
    const fault =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Internal error</faultstring></soap:Fault></soap:Body></soap:Envelope>';
    expect(mapPayload(adapter, { body: fault, httpStatus: 500 }).problems).toEqual([
      { kind: 'retryable', code: 'soap:Server', message: 'Internal error', trackingNumber: null },
    ]);
  });
});
