import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/dhl_poland/TrackingResponseXML.xml': {
    status: 'in_transit',
    reason:
      "Both events carry the OpenAPI placeholder status 'string' (no DHL24 code, SOURCES.md: placeholder values), so no event says delivered; karrio's delivered flag comes from receivedBy being filled, which wismo keeps as signedBy rather than inventing a timed delivery event.",
  },
});

const answer = (items: string, receivedBy = '') =>
  `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><ns1:getTrackAndTraceInfoResponse xmlns:ns1="https://dhl24.com.pl/webapi2/provider/service.html?ws=1"><getTrackAndTraceInfoResult><shipmentId>11122223333</shipmentId><receivedBy>${receivedBy}</receivedBy><events>${items}</events></getTrackAndTraceInfoResult></ns1:getTrackAndTraceInfoResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
const item = (status: string, description: string, timestamp: string, terminal = 'WA') =>
  `<item><status>${status}</status><description>${description}</description><terminal>${terminal}</terminal><timestamp>${timestamp}</timestamp></item>`;

describe('dhl_poland', () => {
  it('reads the fixture: Polish local time, oldest first, placeholder codes unmapped but kept', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/dhl_poland/TrackingResponseXML.xml') })
      .shipments[0];
    expect(s?.trackingNumber).toBe('24333892874');
    expect(s?.signedBy).toBe('string');
    expect(
      s?.events.map((e) => [e.occurredAtLocal, e.occurredAt, e.utcOffsetMinutes, e.offsetSource]),
    ).toEqual([
      ['2012-10-12 06:40:31', '2012-10-12T04:40:31.000Z', 120, 'location_zone'],
      ['2012-10-12 07:40:31', '2012-10-12T05:40:31.000Z', 120, 'location_zone'],
    ]);
    expect(s?.events[0]).toMatchObject({ rawCode: 'string', status: 'in_transit', mapped: false });
  });

  it('maps DHL24 codes, winter time, and the recipient who took it', () => {
    const body = answer(
      item('DOR', 'przesyłka doręczona do odbiorcy', '2024-01-16 11:20:05', 'KRK') +
        item('AWI', 'próba doręczenia zakończona niepowodzeniem', '2024-01-15 14:02:00', 'KRK') +
        item('LK', 'przesyłka przekazana kurierowi do doręczenia', '2024-01-15 07:45:10', 'KRK') +
        item('DWP', 'przesyłka odebrana od nadawcy', '2024-01-12 16:30:00'),
      'Jan Kowalski',
    );
    const s = mapPayload(adapter, { body }).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.occurredAt, e.status, e.substatus, e.mapped])).toEqual([
      ['DWP', '2024-01-12T15:30:00.000Z', 'in_transit', 'picked_up', true],
      ['LK', '2024-01-15T06:45:10.000Z', 'out_for_delivery', null, true],
      ['AWI', '2024-01-15T13:02:00.000Z', 'attempt_failed', 'recipient_unavailable', true],
      ['DOR', '2024-01-16T10:20:05.000Z', 'delivered', null, true],
    ]);
    expect(s?.events[3]?.location).toEqual({
      city: 'KRK',
      region: null,
      postalCode: null,
      countryCode: 'PL',
    });
    expect(s?.signedBy).toBe('Jan Kowalski');
  });

  it('reads unknown codes from their Polish words, unmapped; sub-codes have their own meaning', () => {
    const body = answer(
      item('XYZ', 'przesyłka oczekuje na odbiór w punkcie', '2024-07-01 09:00:00') +
        item('AWI_OZ', 'brak dostępu do posesji', '2024-06-30 12:00:00') +
        item('ZWR_AN', 'przesyłka będzie zwrócona do nadawcy, Adresat nieznany', '2024-07-02 08:00:00'),
    );
    const s = mapPayload(adapter, { body }).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['AWI_OZ', 'attempt_failed', 'access_issue', true],
      ['XYZ', 'available_for_pickup', 'at_pickup_point', false],
      ['ZWR_AN', 'returning', 'return_to_sender', true],
    ]);
    expect(mapPayload(adapter, { body: answer('') }).shipments[0]).toMatchObject({
      trackingNumber: '11122223333',
      events: [],
    });
  });

  it('maps SOAP faults by their message; bad bodies are malformed', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/dhl_poland/ErrorResponseXML.xml') }).problems,
    ).toEqual([
      {
        kind: 'carrier_error',
        code: '100',
        trackingNumber: null,
        message: 'Nieprawidlowe dane autoryzacyjne',
      },
    ]);
    const fault = (message: string) =>
      `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>101</faultcode><faultstring>${message}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    expect(
      mapPayload(adapter, { body: fault('Przesyłka nie istnieje'), requested: ['11122223333'] }).problems[0],
    ).toMatchObject({ kind: 'not_found', trackingNumber: '11122223333' });
    expect(mapPayload(adapter, { body: fault('Serwis chwilowo niedostępny') }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(mapPayload(adapter, { body: '<getTrackAndTraceInfoResponse>' }).problems[0]?.kind).toBe(
      'malformed',
    );
    expect(mapPayload(adapter, { body: '<other/>' }).problems[0]?.kind).toBe('malformed');
  });
});
