import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Both Aramex fixtures are errors (bad credentials, unknown waybill): they map to typed problems, no
// corrections. The success path is tested on an answer built from Aramex's documented TrackingResult shape.
describeFixtures(adapter, {});

const result = (code: string, description: string, when: string, where: string, comments = '') =>
  `<TrackingResult><WaybillNumber>41118182136</WaybillNumber><UpdateCode>${code}</UpdateCode><UpdateDescription>${description}</UpdateDescription><UpdateDateTime>${when}</UpdateDateTime><UpdateLocation>${where}</UpdateLocation><Comments>${comments}</Comments><ProblemCode></ProblemCode><GrossWeight>0.5</GrossWeight><ChargeableWeight>0.5</ChargeableWeight><WeightUnit>KG</WeightUnit></TrackingResult>`;

const answer = (results: string, nonExisting = '', notifications = '') =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><ShipmentTrackingResponse xmlns="http://ws.aramex.net/ShippingAPI/v1/"><Transaction i:nil="true" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/><Notifications xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${notifications}</Notifications><HasErrors>${notifications ? 'true' : 'false'}</HasErrors><TrackingResults xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${results}</TrackingResults><NonExistingWaybills xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${nonExisting}</NonExistingWaybills></ShipmentTrackingResponse></s:Body></s:Envelope>`;

const entry = (key: string, results: string) =>
  `<a:KeyValueOfstringArrayOfTrackingResultmFAkxlpY><a:Key>${key}</a:Key><a:Value>${results}</a:Value></a:KeyValueOfstringArrayOfTrackingResultmFAkxlpY>`;

const delivered = answer(
  entry(
    '41118182136',
    result('SH005', 'Delivered', '2015-07-14T13:05:41', 'Amman, Jordan', 'Delivered to: R KHALIL') +
      result('SH003', 'Out for Delivery', '2015-07-14T08:12:00', 'Amman, Jordan') +
      result(
        'SH160',
        'Under processing at operations facility',
        '2015-07-13T04:30:00',
        'Al Muqabalain, Jordan',
      ) +
      result('SH014', 'Record created.', '2015-07-12T16:05:00', 'Dubai, United Arab Emirates'),
  ),
);

describe('aramex', () => {
  it('maps the documented TrackingResult shape: codes, local times in the country zone, oldest first', () => {
    const r = mapPayload(adapter, { body: delivered });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.trackingNumber).toBe('41118182136');
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['SH014', 'info_received', 'label_created', true],
      ['SH160', 'in_transit', null, true],
      ['SH003', 'out_for_delivery', null, true],
      ['SH005', 'delivered', null, true],
    ]);
    // Dubai is UTC+4 all year; Jordan was on summer time (UTC+3) in July 2015.
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2015-07-12T12:05:00.000Z',
      occurredAtLocal: '2015-07-12T16:05:00',
      utcOffsetMinutes: 240,
      offsetSource: 'location_zone',
      rawText: 'Record created.',
      location: { city: 'Dubai', region: null, postalCode: null, countryCode: 'AE' },
    });
    expect(s?.events[3]).toMatchObject({
      occurredAt: '2015-07-14T10:05:41.000Z',
      utcOffsetMinutes: 180,
      location: { city: 'Amman', countryCode: 'JO' },
    });
  });

  it('reads unknown codes from their description, unmapped, with the raw code kept', () => {
    const body = answer(
      entry('41118182136', result('SH999', 'Returned to Shipper', '2015-07-20T10:00:00', 'Amman, Jordan')),
    );
    const e = mapPayload(adapter, { body }).shipments[0]?.events[0];
    expect(e).toMatchObject({
      rawCode: 'SH999',
      status: 'returning',
      substatus: 'return_to_sender',
      mapped: false,
    });
  });

  it('gives one shipment per waybill and a not_found problem per non-existing waybill', () => {
    const body = answer(
      entry('41118182136', result('SH014', 'Record created.', '2015-07-12T16:05:00', 'Amman, Jordan')) +
        entry(
          '30994423681',
          result('SH012', 'Picked up from shipper', '2018-10-11T16:05:00', 'Amman, Jordan'),
        ),
      '<a:string>1Z12345E6205277936</a:string>',
    );
    const r = mapPayload(adapter, { body });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events[0]?.substatus])).toEqual([
      ['41118182136', 'label_created'],
      ['30994423681', 'picked_up'],
    ]);
    expect(r.problems).toEqual([
      {
        kind: 'not_found',
        trackingNumber: '1Z12345E6205277936',
        code: null,
        message: 'Waybill "1Z12345E6205277936" not found',
      },
    ]);
  });

  it('keeps a waybill with no updates as a shipment without events', () => {
    const r = mapPayload(adapter, { body: answer(entry('41118182136', '')) });
    expect(r.problems).toEqual([]);
    expect(r.shipments[0]).toMatchObject({ trackingNumber: '41118182136', events: [], skipped: [] });
  });

  it('skips an update without a usable time and says why', () => {
    const body = answer(entry('41118182136', result('SH005', 'Delivered', '', 'Amman, Jordan')));
    expect(mapPayload(adapter, { body }).shipments[0]?.skipped).toEqual([
      { code: 'SH005', text: 'Delivered', reason: 'no time given' },
    ]);
  });

  it('maps the error fixtures to typed problems', () => {
    const auth = mapPayload(adapter, { body: readFixture('karrio/aramex/ErrorResponseXML.xml') });
    expect(auth).toEqual({
      shipments: [],
      problems: [
        {
          kind: 'carrier_error',
          trackingNumber: null,
          code: 'ERR01',
          message: 'ClientInfo - Invalid username or password',
        },
      ],
    });
    const unknown = mapPayload(adapter, {
      body: readFixture('karrio/aramex/TrackingNonExistentResponseXML.xml'),
    });
    expect(unknown.problems).toEqual([
      {
        kind: 'not_found',
        trackingNumber: '1Z12345E6205277936',
        code: null,
        message: 'Waybill "1Z12345E6205277936" not found',
      },
    ]);
  });

  it('reports broken bodies and SOAP faults, never throws', () => {
    expect(mapPayload(adapter, { body: '<s:Envelope><s:Body>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{"a":1}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<a/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'Service Unavailable', httpStatus: 503 }).problems[0]?.kind).toBe(
      'retryable',
    );
    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad request</faultstring></s:Fault></s:Body></s:Envelope>';
    expect(mapPayload(adapter, { body: fault, requested: ['41118182136'] }).problems).toEqual([
      { kind: 'carrier_error', trackingNumber: '41118182136', code: 's:Client', message: 'Bad request' },
    ]);
  });
});
