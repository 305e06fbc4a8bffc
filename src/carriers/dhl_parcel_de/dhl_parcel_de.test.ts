import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Both DHL Paket fixtures (karrio's dhl_parcel_de and dpdhl connectors read the same API) map to delivered
// with their seven events, the error fixtures to problems: no corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/dhl_parcel_de/TrackingResponseXML.xml';
const list = (pieces: string, code = '0') =>
  `<?xml version="1.0"?><data name="piece-shipment-list" code="${code}">${pieces}</data>`;
const piece = (attrs: string, events: string, number = '00340434161094015902') =>
  `<data name="piece-shipment" error-status="0" piece-code="${number}" ${attrs}><data name="piece-event-list">${events}</data></data>`;
const event = (attrs: string) => `<data name="piece-event" ${attrs}/>`;

describe('dhl_parcel_de', () => {
  it("reads German local times in Berlin's zone, standard codes before ice codes, ice kept as the raw code", () => {
    const s = mapPayload(adapter, { body: readFixture(FILE) }).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['SHRCU', 'in_transit', 'dropped_off', true],
      ['LDTMV', 'in_transit', 'in_transit', true],
      ['PCKDU', 'in_transit', 'picked_up', true],
      ['LDTMV', 'in_transit', 'in_transit', true],
      ['ULFMV', 'in_transit', 'arrived', true],
      ['SRTED', 'out_for_delivery', null, true],
      ['DLVRD', 'delivered', null, true],
    ]);
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2016-03-17T10:44:00.000Z',
      occurredAtLocal: '17.03.2016 11:44',
      utcOffsetMinutes: 60,
      offsetSource: 'location_zone',
      rawText: 'The shipment has been posted by the sender at the PACKSTATION',
      location: { city: 'Bremen', region: null, postalCode: null, countryCode: 'DE' },
    });
    // A delivery-round scan without any place is still German time, its location stays empty.
    expect(s?.events[5]).toMatchObject({
      occurredAt: '2016-03-18T08:02:00.000Z',
      location: null,
      offsetSource: 'location_zone',
    });
    // Neuwied is not in the city list: Germany's one clock still applies.
    expect(s?.events[4]).toMatchObject({ occurredAt: '2016-03-18T02:32:00.000Z', utcOffsetMinutes: 60 });
    expect(s).toMatchObject({
      trackingNumber: '00340434161094015902',
      service: 'DHL PAKET (parcel)',
      signedBy: 'Kraemer',
      destination: { city: 'Bonn', postalCode: '53113', countryCode: 'DE' },
      origin: { countryCode: 'DE' },
      carrierStatus: { code: 'ZU', text: 'The shipment has been successfully delivered' },
    });
  });

  it("takes summer time in summer, and a foreign event in its own country's zone", () => {
    const body = list(
      piece(
        'dest-country="AT"',
        event(
          'event-timestamp="01.07.2024 21:05" event-text="Die Sendung wurde im Start-Paketzentrum bearbeitet." standard-event-code="AA" ice="LDTMV" event-location="Köln" event-country="Deutschland"',
        ) +
          event(
            'event-timestamp="02.07.2024 08:15" event-text="Zugestellt" standard-event-code="ZU" ice="DLVRD" event-location="Wien" event-country="Österreich"',
          ),
      ),
    );
    const s = mapPayload(adapter, { body }).shipments[0];
    expect(s?.events.map((e) => [e.occurredAt, e.utcOffsetMinutes, e.location?.countryCode])).toEqual([
      ['2024-07-01T19:05:00.000Z', 120, 'DE'],
      ['2024-07-02T06:15:00.000Z', 120, 'AT'],
    ]);
  });

  it('reads unknown codes from their German text, return scans as returning, and keeps several pieces apart', () => {
    const body = list(
      piece(
        '',
        event(
          'event-timestamp="03.04.2024 10:00" event-text="Die Sendung konnte nicht zugestellt werden." standard-event-code="XY" ice="NTDLV"',
        ) +
          event(
            'event-timestamp="04.04.2024 09:00" event-text="Die Sendung wird an den Absender zurückgesandt." standard-event-code="AA" ice="LDTMV" ruecksendung="true"',
          ),
      ) + piece('', '', '00340434161094022115'),
    );
    const r = mapPayload(adapter, { body });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([
      ['00340434161094015902', 2],
      ['00340434161094022115', 0],
    ]);
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['NTDLV', 'attempt_failed', false],
      ['LDTMV', 'returning', true],
    ]);
  });

  it('makes the latest status the one event of an answer without events (d-get-piece)', () => {
    const body = list(
      '<data name="piece-shipment" error-status="0" piece-code="00340434161094015902" status-timestamp="18.03.2016 10:02" status="Zugestellt" standard-event-code="ZU" ice="DLVRD" event-country="DE"/>',
    );
    expect(mapPayload(adapter, { body }).shipments[0]?.events).toMatchObject([
      { rawCode: 'DLVRD', status: 'delivered', occurredAt: '2016-03-18T09:02:00.000Z' },
    ]);
  });

  it('maps list and piece errors to problems with the searched number', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/dhl_parcel_de/TrackingErrorResponseXML.xml') })
        .problems,
    ).toEqual([{ kind: 'not_found', code: '100', trackingNumber: null, message: 'No data found' }]);
    expect(mapPayload(adapter, { body: readFixture('karrio/dpdhl/ErrorResponse.xml') }).problems).toEqual([
      { kind: 'carrier_error', code: '5', trackingNumber: '00340434161094032954', message: 'Log-in failed' },
    ]);
    const partly = list(
      piece('', event('event-timestamp="03.04.2024 10:00" event-text="x" standard-event-code="ZU"')) +
        '<data name="piece-shipment" error-status="100" searched-piece-code="00340434161094099999" piece-status-desc="No data found"/>',
    );
    const r = mapPayload(adapter, { body: partly });
    expect(r.shipments).toHaveLength(1);
    expect(r.problems).toEqual([
      { kind: 'not_found', code: '100', trackingNumber: '00340434161094099999', message: 'No data found' },
    ]);
  });

  it('never throws on bad bodies', () => {
    expect(mapPayload(adapter, { body: '<data name="piece-shipment-list">' }).problems[0]?.kind).toBe(
      'malformed',
    );
    expect(mapPayload(adapter, { body: '<data name="other"/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'Service Unavailable', httpStatus: 503 }).problems[0]?.kind).toBe(
      'retryable',
    );
  });

  it('claims DHL Paket SSCCs by their GS1 check digit', () => {
    expect(adapter.detect?.('00340434161094015902')[0]).toMatchObject({ confidence: 0.95 });
    expect(adapter.detect?.('340434161094042557')[0]).toMatchObject({ confidence: 0.95 });
    expect(adapter.detect?.('00340434161094015903')[0]).toMatchObject({ confidence: 0.3 });
    expect(adapter.detect?.('00123456789012345678')).toEqual([]);
  });
});
