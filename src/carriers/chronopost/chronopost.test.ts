import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The Chronopost fixture maps to delivered with its nine events, the error fixture to a problem: no corrections.
describeFixtures(adapter, {});

const answer = (ret: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:trackSkybillV2Response xmlns:ns2="http://cxf.tracking.soap.chronopost.fr/"><return>${ret}</return></ns2:trackSkybillV2Response></soap:Body></soap:Envelope>`;

describe('chronopost', () => {
  it('reads the fixture: codes, offsets, offices, the consignee on the delivery', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/chronopost/TrackingResponse.xml') });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.trackingNumber).toBe('89108749065090');
    expect(s?.signedBy).toBe('SOLVAREA');
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['DC', 'info_received', 'label_created', true],
      ['DB', 'in_transit', 'picked_up', true],
      ['DY', 'in_transit', 'dropped_off', true],
      ['SC', 'in_transit', 'in_transit', true],
      ['TS', 'in_transit', 'in_transit', true],
      ['TS', 'in_transit', 'in_transit', true],
      ['SD', 'in_transit', 'arrived', true],
      ['TA', 'out_for_delivery', null, true],
      ['D', 'delivered', null, true],
    ]);
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2022-06-19T11:47:53.000Z',
      occurredAtLocal: '2022-06-19T13:47:53+02:00',
      utcOffsetMinutes: 120,
      offsetSource: 'carrier',
      rawText: 'Shipment in preparation to be shipped',
      location: null,
    });
    expect(s?.events[8]).toMatchObject({
      occurredAt: '2022-06-22T06:30:00.000Z',
      location: { city: 'ARRAS CHRONOPOST', postalCode: '62223', region: null, countryCode: 'FR' },
    });
  });

  it('maps error answers by their message and code', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/chronopost/ErrorResponse.xml') }).problems,
    ).toEqual([{ kind: 'retryable', trackingNumber: null, code: '1', message: 'System Error' }]);
    const unknown = answer('<errorCode>3</errorCode><errorMessage>Skybill not found</errorMessage>');
    expect(mapPayload(adapter, { body: unknown, requested: ['XY746876977FR'] }).problems).toEqual([
      { kind: 'not_found', trackingNumber: 'XY746876977FR', code: '3', message: 'Skybill not found' },
    ]);
    expect(mapPayload(adapter, { body: answer('<errorCode>0</errorCode>') }).problems[0]?.kind).toBe(
      'not_found',
    );
  });

  it('reads an unknown code from its label and keeps it; an empty event list is a shipment without events', () => {
    const body = answer(
      '<errorCode>0</errorCode><listEventInfoComp><events><code>RB</code><eventDate>2024-03-02T10:15:30+01:00</eventDate><eventLabel>Returned to sender</eventLabel><NPC>75</NPC><officeLabel>PARIS</officeLabel><zipCode>75015</zipCode></events><skybillNumber>XY746876977FR</skybillNumber></listEventInfoComp>',
    );
    expect(mapPayload(adapter, { body }).shipments[0]?.events[0]).toMatchObject({
      rawCode: 'RB',
      status: 'returning',
      mapped: false,
      occurredAt: '2024-03-02T09:15:30.000Z',
    });
    const empty = answer(
      '<errorCode>0</errorCode><listEventInfoComp><skybillNumber>XY746876977FR</skybillNumber></listEventInfoComp>',
    );
    expect(mapPayload(adapter, { body: empty }).shipments[0]).toMatchObject({
      trackingNumber: 'XY746876977FR',
      events: [],
    });
  });

  it('never throws on bad bodies', () => {
    expect(mapPayload(adapter, { body: '<soap:Envelope>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<x/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'gateway timeout', httpStatus: 504 }).problems[0]?.kind).toBe(
      'retryable',
    );
  });
});
