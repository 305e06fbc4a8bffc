import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The three consignments of TRACKING_RESPONSE.xml (a reused number twice, then CNF) and the error map to
// what EXPECTED.json states: no corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/tnt/TRACKING_RESPONSE.xml';
const response = (consignments: string) =>
  `<?xml version="1.0"?><TrackResponse>${consignments}</TrackResponse>`;
const status = (
  code: string,
  description: string,
  date: string,
  time: string,
  depot = 'LIL',
  name = 'Lille',
) =>
  `<StatusData><StatusCode>${code}</StatusCode><StatusDescription>${description}</StatusDescription><LocalEventDate format="YYYYMMDD">${date}</LocalEventDate><LocalEventTime format="HHMM">${time}</LocalEventTime><Depot>${depot}</Depot><DepotName>${name}</DepotName></StatusData>`;

describe('tnt', () => {
  it('keeps every consignment of a reused number apart, most recent first, and reports CNF as not found', () => {
    const r = mapPayload(adapter, { body: readFixture(FILE) });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length, s.signedBy, s.pieces])).toEqual([
      ['123456782', 1, 'sesar chevines', 1],
      ['123456782', 15, 'umbridge', 2],
    ]);
    expect(r.problems).toEqual([
      { kind: 'not_found', code: 'CNF', trackingNumber: '22222222', message: 'TNT: consignment not found' },
    ]);
  });

  it('reads YYYYMMDD + HHMM in the zone of the depots it can place, and keeps codes and delays', () => {
    const s = mapPayload(adapter, { body: readFixture(FILE) }).shipments[1];
    // The origin depot (NBE, Nuernberg) is in the origin country, Germany.
    expect(s?.events[0]).toMatchObject({
      rawCode: 'CI',
      occurredAtLocal: '20210201 1842',
      occurredAt: '2021-02-01T17:42:00.000Z',
      utcOffsetMinutes: 60,
      offsetSource: 'location_zone',
      status: 'in_transit',
      substatus: 'picked_up',
      location: { city: 'Nuernberg', region: null, postalCode: null, countryCode: null },
    });
    // A hub TNT names without a country cannot be placed: UTC is assumed and said so.
    expect(s?.events[1]).toMatchObject({
      rawCode: 'IS',
      occurredAt: '2021-02-01T18:46:00.000Z',
      offsetSource: 'assumed_utc',
    });
    // The delivering depot (BA4, Bradford) is in the destination country, the United Kingdom.
    expect(s?.events.at(-1)).toMatchObject({
      rawCode: 'OK',
      status: 'delivered',
      occurredAt: '2021-02-04T08:41:00.000Z',
      offsetSource: 'location_zone',
      rawText: 'Shipment Delivered In Good Condition.',
    });
    expect(s?.events.filter((e) => e.substatus === 'carrier_delay').map((e) => e.rawCode)).toEqual([
      'MLA',
      'NR',
      'NR',
    ]);
    expect(s).toMatchObject({
      origin: { countryCode: 'DE' },
      destination: { city: 'MENSTON', countryCode: 'GB' },
      carrierStatus: { code: 'DEL', text: 'Delivered' },
    });
  });

  it('places summer times in summer, reads unknown codes from their text, unmapped', () => {
    const body = response(
      `<Consignment><ConsignmentNumber>620290246</ConsignmentNumber><OriginDepot>LIL</OriginDepot><SummaryCode>INT</SummaryCode><OriginCountry><CountryCode>FR</CountryCode></OriginCountry><DestinationCountry><CountryCode>IE</CountryCode></DestinationCountry>${status('ZZ', 'Delivery Attempted, Receiver Not Available', '20210429', '1159', 'DUB', 'Dublin')}${status('CI', 'Shipment Received At Origin Depot.', '20210428', '1805')}</Consignment>`,
    );
    const s = mapPayload(adapter, { body }).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.occurredAt, e.utcOffsetMinutes, e.status, e.mapped])).toEqual([
      ['CI', '2021-04-28T16:05:00.000Z', 120, 'in_transit', true],
      ['ZZ', '2021-04-29T11:59:00.000Z', 0, 'attempt_failed', false],
    ]);
  });

  it('makes a summary-only delivered consignment one event; a summary without a time gives none', () => {
    const delivered = response(
      '<Consignment><ConsignmentNumber>620290246</ConsignmentNumber><SummaryCode>DEL</SummaryCode><DeliveryTown>DUBLIN</DeliveryTown><DeliveryDate format="YYYYMMDD">20210429</DeliveryDate><DeliveryTime format="HHMM">1159</DeliveryTime><DestinationCountry><CountryCode>IE</CountryCode></DestinationCountry></Consignment>',
    );
    expect(mapPayload(adapter, { body: delivered }).shipments[0]?.events).toMatchObject([
      {
        rawCode: 'DEL',
        status: 'delivered',
        occurredAt: '2021-04-29T10:59:00.000Z',
        offsetSource: 'location_zone',
      },
    ]);
    const moving = response(
      '<Consignment><ConsignmentNumber>620290246</ConsignmentNumber><SummaryCode>INT</SummaryCode></Consignment>',
    );
    expect(mapPayload(adapter, { body: moving }).shipments[0]).toMatchObject({
      events: [],
      carrierStatus: { code: 'INT', text: 'In transit' },
    });
  });

  it('maps errors and bad bodies to problems, never an exception', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/tnt/TRACKING_ERROR_RESPONSE.xml') }).problems,
    ).toEqual([
      { kind: 'carrier_error', code: '9000', trackingNumber: null, message: 'Unauthorized Access' },
    ]);
    expect(mapPayload(adapter, { body: response(''), requested: ['123456782'] }).problems[0]).toMatchObject({
      kind: 'not_found',
      trackingNumber: '123456782',
    });
    expect(mapPayload(adapter, { body: '<TrackResponse><Consignment>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<Other/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'Bad Gateway', httpStatus: 502 }).problems[0]?.kind).toBe('retryable');
  });
});
