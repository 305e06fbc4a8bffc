import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The Canpar fixture maps to its delivered state with all five events: no corrections.
describeFixtures(adapter, {});

const answer = (ret: string) =>
  `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body><ns:trackByBarcodeResponse xmlns:ns="http://ws.canparaddons.canpar.com"><ns:return xmlns:ax23="http://dto.canshipws.canpar.com/xsd">${ret}</ns:return></ns:trackByBarcodeResponse></soapenv:Body></soapenv:Envelope>`;

const event = (code: string, when: string, en: string, city: string, postal: string) =>
  `<ax23:events><ax23:address><ax23:city>${city}</ax23:city><ax23:country>CA</ax23:country><ax23:postal_code>${postal}</ax23:postal_code><ax23:province>ON</ax23:province></ax23:address><ax23:code>${code}</ax23:code><ax23:code_description_en>${en}</ax23:code_description_en><ax23:local_date_time>${when}</ax23:local_date_time><ax23:time_shift>3</ax23:time_shift></ax23:events>`;

describe('canpar', () => {
  it('reads local times in the terminal zone, oldest first, and the shipment facts', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/canpar/TrackingResponseXML.xml') });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['PIC', 'in_transit', 'picked_up', true],
      ['ARR', 'in_transit', 'arrived', true],
      ['INO', 'in_transit', 'handed_to_partner', true],
      ['INA', 'in_transit', 'arrived', true],
      ['DEL', 'delivered', null, true],
    ]);
    // Etobicoke is not in the world-cities list; its M postal code places it in Toronto's zone.
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2011-03-07T19:53:53.000Z',
      occurredAtLocal: '20110307 145353',
      utcOffsetMinutes: -300,
      offsetSource: 'location_zone',
      rawText: 'PICKUP FROM CUSTOMER/SHIPPER',
      location: { city: 'ETOBICOKE', region: 'ON', postalCode: 'M8V0A1', countryCode: 'CA' },
    });
    expect(s?.events.at(-1)).toMatchObject({
      occurredAt: '2011-03-08T14:14:42.000Z',
      occurredAtLocal: '20110308 091442',
      offsetSource: 'location_zone',
      rawText: 'DELIVERED',
    });
    expect(s).toMatchObject({
      trackingNumber: 'D999999988030400000008',
      edd: { date: '2011-03-07', windowStart: null, windowEnd: null },
      service: 'GROUND',
      signedBy: null,
      destination: { city: 'SUDBURY', region: 'ON', postalCode: 'P3E5P9', countryCode: 'CA' },
      origin: null,
      pieces: null,
    });
  });

  it('reads an answer without the karrio wrapper, unknown codes from their text, and the signer', () => {
    const body = answer(
      `<ax23:error/><ax23:result><ax23:barcode>D123456789012345678901</ax23:barcode>${event('DEL', '20240510 143005', 'DELIVERED', 'OTTAWA', 'K1A0B1')}${event('OFD', '20240510 081500', 'OUT FOR DELIVERY', 'OTTAWA', 'K1A0B1')}<ax23:signed_by>M TREMBLAY</ax23:signed_by></ax23:result>`,
    );
    const r = mapPayload(adapter, { body });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.signedBy).toBe('M TREMBLAY');
    expect(s?.events.map((e) => [e.rawCode, e.status, e.mapped, e.occurredAt])).toEqual([
      ['OFD', 'out_for_delivery', false, '2024-05-10T12:15:00.000Z'],
      ['DEL', 'delivered', true, '2024-05-10T18:30:05.000Z'],
    ]);
  });

  it('gives several results and an empty event list as they come', () => {
    const body = answer(
      `<ax23:result><ax23:barcode>D111111111111111111111</ax23:barcode></ax23:result><ax23:result><ax23:barcode>D222222222222222222222</ax23:barcode>${event('PIC', '20240509 101010', 'PICKUP FROM CUSTOMER/SHIPPER', 'TORONTO', 'M5V2T6')}</ax23:result>`,
    );
    const r = mapPayload(adapter, { body });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([
      ['D111111111111111111111', 0],
      ['D222222222222222222222', 1],
    ]);
  });

  it('reads errors and broken bodies as problems', () => {
    const notFound = answer('<ax23:error>No tracking information found for this barcode</ax23:error>');
    expect(mapPayload(adapter, { body: notFound, requested: ['D111111111111111111111'] }).problems).toEqual([
      {
        kind: 'not_found',
        code: null,
        message: 'No tracking information found for this barcode',
        trackingNumber: 'D111111111111111111111',
      },
    ]);
    const refused = answer('<ax23:error>Invalid user id or password</ax23:error>');
    expect(mapPayload(adapter, { body: refused }).problems[0]?.kind).toBe('carrier_error');
    expect(mapPayload(adapter, { body: '<wrapper><soapenv:Envelope>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<wrapper/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'Bad gateway', httpStatus: 502 }).problems[0]?.kind).toBe('retryable');
  });

  it('detects Canpar barcodes by shape only', () => {
    expect(adapter.detect?.('D999999988030400000008')).toEqual([
      { carrier: 'canpar', confidence: 0.5, reason: 'Canpar barcode shape (D + 21 digits), no check digit' },
    ]);
    expect(adapter.detect?.('D99999998803040000000')).toEqual([]);
  });
});
