import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { depotLocation } from './depot.js';
import { adapter } from './index.js';

// The one Purolator fixture maps to karrio's answer (in_transit, both scans kept): no corrections.
describeFixtures(adapter, {});

const envelope = (inner: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><TrackPackagesByPinResponse xmlns="http://purolator.com/pws/datatypes/v1" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${inner}</TrackPackagesByPinResponse></s:Body></s:Envelope>`;

const scan = (type: string, date: string, time: string, description: string, depot: string, extra = '') =>
  `<Scan><ScanType>${type}</ScanType><Depot><Name>${depot}</Name></Depot><ScanDate>${date}</ScanDate><ScanTime>${time}</ScanTime><Description>${description}</Description><Comment/>${extra}</Scan>`;

describe('purolator', () => {
  it('reads the local scan time in the depot zone and keeps the scan type and text as given', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/purolator/TRACKING_RESPONSE_XML.xml') });
    expect(r.problems).toEqual([]);
    expect(r.shipments).toHaveLength(1);
    const s = r.shipments[0];
    expect(s?.trackingNumber).toBe('M123');
    // Purolator repeats the scan; both are kept, derivation counts them once.
    expect(s?.events).toHaveLength(2);
    expect(s?.events[0]).toEqual({
      occurredAt: '2004-01-13T22:23:00.000Z',
      occurredAtLocal: '2004-01-13 172300',
      utcOffsetMinutes: -300,
      offsetSource: 'location_zone',
      status: 'in_transit',
      substatus: null,
      rawCode: 'Other',
      rawText: 'New Tracking Number Assigned -',
      location: { city: 'MONTREAL', region: 'QC', postalCode: null, countryCode: 'CA' },
      mapped: true,
    });
  });

  it('maps scan types and descriptions, several PINs, signatures and unknown descriptions', () => {
    const body = envelope(
      `<ResponseInformation><Errors/></ResponseInformation><TrackingInformationList>
        <TrackingInformation><PIN><Value>329014521622</Value></PIN><Scans>
          ${scan('Delivery', '2024-10-02', '101500', 'Shipment delivered to RECEPTION', 'TORONTO SORT CTR, ON', '<DeliverySignature>J SMITH</DeliverySignature>')}
          ${scan('OnDelivery', '2024-10-02', '074501', 'On vehicle for delivery', 'TORONTO SORT CTR, ON')}
          ${scan('Other', '2024-10-01', '230000', 'Departed sort facility', 'MONTREAL SORT CTR/CTR TRIE, PQ')}
          ${scan('Other', '2024-10-01', '200000', 'Scanned at terminal', 'MONTREAL SORT CTR/CTR TRIE, PQ')}
          ${scan('ProofOfPickUp', '2024-10-01', '160000', 'Picked up by Purolator at MONTREAL', 'MONTREAL SORT CTR/CTR TRIE, PQ')}
        </Scans></TrackingInformation>
        <TrackingInformation><PIN><Value>329014521633</Value></PIN><Scans>
          ${scan('Undeliverable', '2024-10-02', '120000', 'Attempted delivery - Customer not available', 'CALGARY TERMINAL, AB')}
          ${scan('Undeliverable', '2024-10-03', '120000', 'Delivery refused by consignee', 'CALGARY TERMINAL, AB')}
        </Scans></TrackingInformation>
        <TrackingInformation><PIN><Value>329014521644</Value></PIN><Scans/></TrackingInformation>
      </TrackingInformationList>`,
    );
    const r = mapPayload(adapter, { body });
    expect(r.problems).toEqual([]);
    const [first, second, third] = r.shipments;
    expect(first?.signedBy).toBe('J SMITH');
    expect(first?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['ProofOfPickUp', 'in_transit', 'picked_up', true],
      ['Other', 'in_transit', null, false],
      ['Other', 'in_transit', 'departed', true],
      ['OnDelivery', 'out_for_delivery', null, true],
      ['Delivery', 'delivered', null, true],
    ]);
    expect(first?.events.at(-1)).toMatchObject({
      occurredAt: '2024-10-02T14:15:00.000Z',
      utcOffsetMinutes: -240,
    });
    expect(second?.events.map((e) => [e.status, e.substatus])).toEqual([
      ['attempt_failed', 'recipient_unavailable'],
      ['exception', 'refused'],
    ]);
    expect(second?.events[0]).toMatchObject({
      occurredAt: '2024-10-02T18:00:00.000Z',
      utcOffsetMinutes: -360,
    });
    expect(third).toMatchObject({ trackingNumber: '329014521644', events: [] });
  });

  it('reads errors, faults and broken bodies as problems', () => {
    const notFound = envelope(
      '<ResponseInformation><Errors><Error><Code>3001100</Code><Description>PIN not found</Description></Error></Errors></ResponseInformation>',
    );
    expect(mapPayload(adapter, { body: notFound, requested: ['329014521622'] }).problems).toEqual([
      { kind: 'not_found', code: '3001100', message: 'PIN not found', trackingNumber: '329014521622' },
    ]);
    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Invalid credentials</faultstring></s:Fault></s:Body></s:Envelope>';
    expect(mapPayload(adapter, { body: fault, httpStatus: 401 }).problems[0]).toMatchObject({
      kind: 'carrier_error',
      code: 's:Client',
    });
    expect(mapPayload(adapter, { body: '<s:Envelope><s:Body>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: envelope('') }).problems[0]?.kind).toBe('not_found');
  });

  it('reads the town and province from depot names', () => {
    expect(depotLocation('MONTREAL SORT CTR/CTR TRIE, PQ')).toEqual({
      city: 'MONTREAL',
      region: 'QC',
      postalCode: null,
      countryCode: 'CA',
    });
    expect(depotLocation('BUFFALO, NY')).toEqual({
      city: 'BUFFALO',
      region: 'NY',
      postalCode: null,
      countryCode: 'US',
    });
    expect(depotLocation('TORONTO')).toEqual({
      city: 'TORONTO',
      region: null,
      postalCode: null,
      countryCode: null,
    });
    expect(depotLocation(null)).toBeNull();
  });
});
