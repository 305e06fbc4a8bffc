import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/canadapost/TrackingResponseXml.xml': {
    status: 'delivered',
    reason:
      'The payload has 1496 "Item successfully delivered" at 2011-02-01 07:59:52 EST (signature R GREGOIRE) and a later signature by HETU on 2011-02-03; karrio marks 1496 delivered in its own event list but reports in_transit because its table misses the padded identifiers and the latest code (20). active_shipping treats the same history (tracking_details_en.xml) as delivered.',
  },
});

const doc = (occurrences: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><tracking-detail xmlns="http://www.canadapost.ca/ws/track"><pin>1371134583769923</pin>${extra}<significant-events>${occurrences}</significant-events></tracking-detail>`;

const occurrence = (
  id: string,
  date: string,
  time: string,
  zone: string,
  description: string,
  site = '',
  province = '',
) =>
  `<occurrence><event-identifier>${id}</event-identifier><event-date>${date}</event-date><event-time>${time}</event-time><event-time-zone>${zone}</event-time-zone><event-description>${description}</event-description><signatory-name/><event-site>${site}</event-site><event-province>${province}</event-province></occurrence>`;

describe('canadapost', () => {
  it('reads local times in the zone Canada Post names beside them, oldest first, codes compared as strings', () => {
    const s = mapPayload(adapter, { body: readFixture('active_shipping/canadapost/tracking_details_en.xml') })
      .shipments[0];
    expect(s?.events.map((e) => e.rawCode)).toEqual([
      '3000',
      '2300',
      '0500',
      '20',
      '1496',
      '0173',
      '0100',
      '0174',
      '20',
      '1496',
    ]);
    expect(s?.events.at(-1)).toMatchObject({
      occurredAt: '2011-02-03T16:59:59.000Z',
      occurredAtLocal: '2011-02-03 11:59:59',
      utcOffsetMinutes: -300,
      offsetSource: 'carrier',
      status: 'delivered',
      mapped: true,
      rawText: 'Item successfully delivered',
      location: { city: 'SAINTE-FOY', region: 'QC', postalCode: null, countryCode: 'CA' },
    });
    const byCode = (code: string) => s?.events.find((e) => e.rawCode === code);
    expect(byCode('0174')).toMatchObject({
      status: 'out_for_delivery',
      occurredAt: '2011-02-03T13:27:43.000Z',
    });
    expect(byCode('0500')?.status).toBe('out_for_delivery');
    expect(byCode('0100')).toMatchObject({ status: 'in_transit', mapped: true });
    expect(byCode('0173')).toMatchObject({ status: 'in_transit', substatus: 'carrier_delay', mapped: true });
    expect(byCode('2300')).toMatchObject({ status: 'in_transit', substatus: 'picked_up' });
    expect(byCode('3000')).toMatchObject({ status: 'info_received', substatus: 'label_created' });
  });

  it('keeps the shipment facts: changed EDD, service, the latest signature, the destination postal code', () => {
    const s = mapPayload(adapter, { body: readFixture('active_shipping/canadapost/tracking_details_en.xml') })
      .shipments[0];
    expect(s).toMatchObject({
      trackingNumber: '1371134583769923',
      edd: { date: '2011-02-11', windowStart: null, windowEnd: null },
      service: 'Xpresspost',
      signedBy: 'HETU',
      destination: { postalCode: 'G1K4M7', countryCode: 'CA' },
      origin: null,
      pieces: null,
    });
    const noEdd = mapPayload(adapter, {
      body: readFixture('active_shipping/canadapost/tracking_details_no_expected_delivery_date.xml'),
    }).shipments[0];
    expect(noEdd).toMatchObject({ edd: null, service: 'Expedited Parcels', signedBy: null });
    const karrio = mapPayload(adapter, { body: readFixture('karrio/canadapost/TrackingResponseXml.xml') })
      .shipments[0];
    expect(karrio?.edd?.date).toBe('2011-04-05');
  });

  it('a notice-card lookup answers with the PIN, which is kept; pickup at the post office ends delivered', () => {
    const r = mapPayload(adapter, {
      body: readFixture('active_shipping/canadapost/dnc_tracking_details_en.xml'),
      requested: ['123456789012345'],
    });
    const s = r.shipments[0];
    expect(s?.trackingNumber).toBe('1680678172650919');
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['3000', 'info_received', 'label_created'],
      ['2300', 'in_transit', 'picked_up'],
      ['0100', 'in_transit', null],
      ['1701', 'available_for_pickup', 'at_pickup_point'],
      ['1479', 'available_for_pickup', 'held_at_facility'],
      ['0156', 'available_for_pickup', 'held_at_facility'],
      ['1498', 'delivered', null],
    ]);
  });

  it('reads the French answer by its codes, not its words', () => {
    const s = mapPayload(adapter, { body: readFixture('active_shipping/canadapost/tracking_details_fr.xml') })
      .shipments[0];
    const ofd = s?.events.find((e) => e.rawCode === '0174');
    expect(ofd).toMatchObject({ status: 'out_for_delivery', rawText: 'Article sorti pour livraison' });
    expect(s?.events.find((e) => e.rawCode === '3000')?.rawText).toBe(
      "Postes Canada a reçu l'information concernant la commande",
    );
    expect(s && derivedStatus(s)).toBe('delivered');
  });

  it('a signature event alone is not a delivery: the undelivered sample is out for delivery again', () => {
    const s = mapPayload(adapter, {
      body: readFixture('active_shipping/canadapost/tracking_details_en_undelivered.xml'),
    }).shipments[0];
    expect(s?.events.find((e) => e.rawCode === '20')).toMatchObject({ status: 'in_transit', mapped: true });
    expect(s?.signedBy).toBe('R GREGOIRE');
    expect(s && derivedStatus(s)).toBe('out_for_delivery');
  });

  it('matches unpadded and padded identifiers, and reads unknown ones from their words', () => {
    const body = doc(
      occurrence('174', '2024-07-02', '09:15:00', 'EDT', 'Item out for delivery', 'OTTAWA', 'ON') +
        occurrence('0020', '2024-07-02', '15:00:00', 'EDT', 'Signature image recorded', 'OTTAWA', 'ON') +
        occurrence(
          '9999',
          '2024-07-02',
          '16:00:00',
          'EDT',
          'Item refused. Being returned to sender',
          'OTTAWA',
          'ON',
        ),
    );
    const events = mapPayload(adapter, { body }).shipments[0]?.events;
    expect(events?.map((e) => [e.rawCode, e.status, e.mapped, e.occurredAt])).toEqual([
      ['174', 'out_for_delivery', true, '2024-07-02T13:15:00.000Z'],
      ['0020', 'in_transit', true, '2024-07-02T19:00:00.000Z'],
      ['9999', 'returning', false, '2024-07-02T20:00:00.000Z'],
    ]);
  });

  it('reads international events in the zone Canada Post names (ISRAEL is an IANA alias), skips events without a time', () => {
    const body = doc(
      occurrence(
        '4600',
        '2021-05-02',
        '15:49:00',
        'ISRAEL',
        'Item has arrived at the delivery office',
        '02650,Israel',
      ) +
        occurrence(
          '4310',
          '2021-05-02',
          '',
          '',
          'International shipment has arrived in a foreign country',
          'ILTLVA',
        ),
    );
    const s = mapPayload(adapter, { body }).shipments[0];
    expect(s?.events).toHaveLength(1);
    expect(s?.events[0]).toMatchObject({
      rawCode: '4600',
      status: 'in_transit',
      substatus: 'arrived',
      occurredAt: '2021-05-02T12:49:00.000Z',
      utcOffsetMinutes: 180,
      offsetSource: 'carrier',
      location: { city: null, postalCode: '02650', countryCode: 'IL' },
    });
    expect(s?.skipped).toEqual([
      {
        code: '4310',
        text: 'International shipment has arrived in a foreign country',
        reason: 'no time given',
      },
    ]);
  });

  it('gives an empty history as a shipment without events', () => {
    const s = mapPayload(adapter, { body: doc('', '<service-name>Priority</service-name>') }).shipments[0];
    expect(s).toMatchObject({ trackingNumber: '1371134583769923', events: [], service: 'Priority' });
    expect(s && derivedStatus(s)).toBe('pending');
  });

  it('reads <messages> bodies as typed problems, with or without karrio’s wrapper', () => {
    const notFound = mapPayload(adapter, {
      body: readFixture('active_shipping/canadapost/tracking_details_en_error.xml'),
      httpStatus: 400,
      requested: ['1371134583769924'],
    });
    expect(notFound).toEqual({
      shipments: [],
      problems: [
        { kind: 'not_found', code: '004', message: 'No Pin History', trackingNumber: '1371134583769924' },
      ],
    });
    expect(
      mapPayload(adapter, { body: readFixture('karrio/canadapost/UnknownTrackingNumberResponse.xml') })
        .problems[0],
    ).toMatchObject({ kind: 'not_found', code: '004' });
    expect(mapPayload(adapter, { body: readFixture('karrio/canadapost/AuthError.xml') }).problems).toEqual([
      { kind: 'carrier_error', code: 'E002', message: 'AAA Authentication Failure', trackingNumber: null },
    ]);
    const throttled =
      '<messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>Server</code><description>Rejected by SLM Monitor</description></message></messages>';
    expect(mapPayload(adapter, { body: throttled, httpStatus: 503 }).problems[0]?.kind).toBe('retryable');
  });

  it('never throws: broken, foreign or cut bodies are problems', () => {
    expect(mapPayload(adapter, { body: '<tracking-detail><pin>1</pin>' }).problems[0]?.kind).toBe(
      'malformed',
    );
    expect(mapPayload(adapter, { body: '<wrapper/>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{"pin":"1"}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'Service Unavailable', httpStatus: 503 }).problems[0]?.kind).toBe(
      'retryable',
    );
    const body = readFixture('active_shipping/canadapost/tracking_details_en.xml');
    fc.assert(
      fc.property(fc.nat(body.length), (cut) => {
        const r = mapPayload(adapter, { body: body.slice(0, cut) });
        return !r.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 100 },
    );
  });

  it('detects 16-digit PINs by their check digit', () => {
    for (const pin of ['1371134583769923', '1680678172650919', '8213295707205355', '7023210039414604']) {
      expect(adapter.detect?.(pin)).toEqual([
        { carrier: 'canadapost', confidence: 0.8, reason: 'Canada Post 16-digit PIN (check digit ok)' },
      ]);
    }
    expect(adapter.detect?.('1371134583769924')).toEqual([]);
    expect(adapter.detect?.('137113458376992')).toEqual([]);
  });
});
