import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The delivered consignment maps to delivered, the scanned one to in_transit, one scan each; the error
// maps to not_found. No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/allied_express/DeliveredTrackingResponse.json';
const wrap = (result: unknown) =>
  JSON.stringify({
    'soapenv:Body': {
      'ns1:getShipmentsStatusResponse': {
        '@xmlns:ns1': 'http://neptune.alliedexpress.com.au/ttws-ejb',
        result,
      },
    },
  });
const map = (body: string, requested?: string[]) => mapPayload(adapter, { body, requested });

describe('allied_express', () => {
  it('keeps the depot offset and reads the status text', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.trackingNumber).toBe('AOE10060817R');
    expect(s?.events).toEqual([
      {
        occurredAt: '2023-10-26T03:03:55.000Z',
        occurredAtLocal: '2023-10-26T14:03:55.000+11:00',
        utcOffsetMinutes: 660,
        offsetSource: 'carrier',
        status: 'delivered',
        substatus: null,
        rawCode: 'AOE10060817R',
        rawText: 'Freight has been delivered',
        location: { city: 'NOWRA', region: null, postalCode: null, countryCode: 'AU' },
        mapped: true,
      },
    ]);
  });

  it('reads a scan without status text as in transit, unmapped, keeping the scanned barcode', () => {
    const s = map(readFixture('karrio/allied_express/TrackingResponse.json')).shipments[0];
    expect(s?.trackingNumber).toBe('123456789');
    expect(s?.events).toMatchObject([
      {
        occurredAt: '2021-05-28T00:03:20.000Z',
        utcOffsetMinutes: 600,
        status: 'in_transit',
        substatus: 'in_transit',
        rawCode: '123456789-001',
        rawText: '',
        mapped: false,
        location: { city: 'BANKSTOWN AERODROME', countryCode: 'AU' },
      },
    ]);
  });

  it('groups scans by consignment, matches texts by their leading words, leaves unknown texts to their words', () => {
    const scan = (note: string, status: string | null, at: string) => ({
      consignmentNote: note,
      depotLocation: 'SYDNEY',
      scannedBarcode: `${note}-001`,
      ...(status ? { scannedStatus: status } : {}),
      scannnedTimestamp: at,
    });
    const r = map(
      wrap({
        statusBarcodesList: [
          scan('C1', "It's on board with driver", '2023-10-26T08:00:00.000+11:00'),
          scan('C1', 'IN TRANSIT TO NOWRA', '2023-10-25T20:00:00.000+11:00'),
          scan('C2', 'Consignee refused the freight', '2023-10-26T09:00:00.000+11:00'),
          scan('C2', 'CARD LEFT', 'yesterday'),
        ],
      }),
    );
    expect(
      r.shipments.map((s) => [s.trackingNumber, s.events.map((e) => [e.status, e.substatus, e.mapped])]),
    ).toEqual([
      [
        'C1',
        [
          ['in_transit', 'departed', true],
          ['out_for_delivery', null, true],
        ],
      ],
      ['C2', [['exception', 'unknown_problem', false]]],
    ]);
    expect(r.shipments[1]?.skipped).toEqual([
      { code: 'C2-001', text: 'CARD LEFT', reason: 'unreadable time "yesterday"' },
    ]);
  });

  it('reads the same answer as SOAP XML', () => {
    const xml = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><ns1:getShipmentsStatusResponse xmlns:ns1="http://neptune.alliedexpress.com.au/ttws-ejb"><result><statusBarcodesList><consignmentNote>AOE1</consignmentNote><depotLocation>NOWRA</depotLocation><scannedBarcode>AOE1</scannedBarcode><scannedStatus>Freight has been delivered</scannedStatus><scannnedTimestamp>2023-10-26T14:03:55.000+11:00</scannnedTimestamp></statusBarcodesList></result></ns1:getShipmentsStatusResponse></soapenv:Body></soapenv:Envelope>`;
    expect(map(xml).shipments[0]?.events.map((e) => [e.status, e.occurredAt])).toEqual([
      ['delivered', '2023-10-26T03:03:55.000Z'],
    ]);
  });

  it('types errors and reports bad bodies as malformed', () => {
    expect(map(readFixture('karrio/allied_express/ErrorResponse.json'), ['AOE404']).problems).toEqual([
      { kind: 'not_found', code: null, trackingNumber: 'AOE404', message: 'No Shipment status found.' },
    ]);
    expect(map(wrap({ statusError: 'Invalid account credentials' })).problems[0]?.kind).toBe('carrier_error');
    expect(map(wrap({}), ['AOE1']).problems[0]).toMatchObject({ kind: 'not_found', trackingNumber: 'AOE1' });
    expect(map('{"soapenv:Body":').problems[0]?.kind).toBe('malformed');
    expect(map('{}').problems[0]?.kind).toBe('malformed');
    expect(map('<soapenv:Envelope><soapenv:Body>').problems[0]?.kind).toBe('malformed');
  });
});
