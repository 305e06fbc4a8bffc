import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Both success payloads map to delivered with their nine events (karrio's ET1 → out_for_delivery is its own
// per-event mistake; the final status agrees), the error payload to a problem: no corrections.
describeFixtures(adapter, {});

const one = (events: object[], extra: object = {}) =>
  JSON.stringify({
    lang: 'fr_FR',
    scope: 'open',
    returnCode: 200,
    shipment: { idShip: '6A15602676300', product: 'colissimo', isFinal: false, event: events, ...extra },
  });

describe('laposte', () => {
  it('reads the bare-array answer: codes, offsets, oldest first, shipment facts', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/laposte/TrackingResponse.json') });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['DR1', 'info_received', 'label_created'],
      ['PC1', 'in_transit', 'dropped_off'],
      ['ET1', 'in_transit', 'in_transit'],
      ['ET1', 'in_transit', 'in_transit'],
      ['ET2', 'in_transit', 'departed'],
      ['ET3', 'in_transit', 'arrived'],
      ['ET1', 'in_transit', 'in_transit'],
      ['MD2', 'out_for_delivery', null],
      ['DI1', 'delivered', null],
    ]);
    expect(s?.events[3]).toMatchObject({
      occurredAt: '2023-02-18T06:34:12.000Z',
      occurredAtLocal: '2023-02-18T07:34:12+01:00',
      utcOffsetMinutes: 60,
      offsetSource: 'carrier',
      rawText: 'Votre colis est en transit sur nos plateformes logistiques.',
      mapped: true,
    });
    expect(s).toMatchObject({
      trackingNumber: 'EW112720413FR',
      service: 'colissimo',
      edd: { date: '2023-03-09', windowStart: null, windowEnd: null },
      origin: { countryCode: 'FR' },
      destination: { countryCode: 'BR' },
      carrierStatus: { code: '5', text: 'Votre colis a été livré' },
      signedBy: null,
      pieces: null,
    });
  });

  it('reads the { responses } form the same way', () => {
    const a = mapPayload(adapter, { body: readFixture('karrio/laposte/TrackingResponse.json') });
    const b = mapPayload(adapter, { body: readFixture('karrio/laposte/schemas/tracking_response.json') });
    expect(b).toEqual(a);
  });

  it('maps error answers by their returnCode, keeping the number La Poste names', () => {
    expect(mapPayload(adapter, { body: readFixture('karrio/laposte/ErrorResponse.json') }).problems).toEqual([
      {
        kind: 'carrier_error',
        trackingNumber: 'WBZQ03ENZJ6BBBTEELZWITJTAGYKA19WR6OOJ6MIVZARY3OVPSX4A495YOMXBLKC',
        code: '400',
        message:
          'Le numéro que vous avez saisi n’est pas valide. Nous vous invitons à vérifier votre saisie, en particulier le nombre de caractères.',
      },
    ]);
    const mixed = JSON.stringify({
      responses: [
        JSON.parse(one([{ code: 'DR1', label: 'x', date: '2024-01-02T10:00:00+01:00' }])),
        { returnCode: 404, returnMessage: 'Numéro inconnu', idShip: '6A00000000000' },
        { returnCode: 503, returnMessage: 'Service indisponible', idShip: '6A00000000001' },
      ],
    });
    const r = mapPayload(adapter, { body: mixed });
    expect(r.shipments.map((s) => s.trackingNumber)).toEqual(['6A15602676300']);
    expect(r.problems.map((p) => [p.kind, p.trackingNumber, p.code])).toEqual([
      ['not_found', '6A00000000000', '404'],
      ['retryable', '6A00000000001', '503'],
    ]);
  });

  it('maps customs holds, pickup counters and returns; unknown codes from their family, else their text', () => {
    const r = mapPayload(adapter, {
      body: one([
        { code: 'DI2', label: 'Distribué à l’expéditeur', date: '2024-01-09T10:00:00+01:00' },
        { code: 'RE2', label: 'Votre colis est retourné à l’expéditeur', date: '2024-01-06T10:00:00+01:00' },
        { code: 'ZZ9', label: 'Livraison reportée: retard', date: '2024-01-05T12:00:00+01:00' },
        { code: 'AG1', label: 'Au guichet', date: '2024-01-05T10:00:00+01:00' },
        { code: 'DO3', label: 'Retenu en douane', date: '2024-01-04T10:00:00+01:00' },
      ]),
    });
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['DO3', 'exception', 'customs_hold', true],
      ['AG1', 'available_for_pickup', 'held_at_facility', true],
      ['ZZ9', 'in_transit', 'carrier_delay', false],
      ['RE2', 'returning', 'return_to_sender', false],
      ['DI2', 'returned', 'return_to_sender', true],
    ]);
  });

  it('keeps a shipment without events and skips unreadable dates', () => {
    expect(mapPayload(adapter, { body: one([]) }).shipments[0]).toMatchObject({ events: [], edd: null });
    const s = mapPayload(adapter, { body: one([{ code: 'ET1', label: 'x', date: 'bientôt' }]) }).shipments[0];
    expect(s?.skipped).toEqual([{ code: 'ET1', text: 'x', reason: 'unreadable time "bientôt"' }]);
  });

  it('never throws on bad bodies', () => {
    expect(mapPayload(adapter, { body: '[{"returnCode":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<html>', httpStatus: 502 }).problems[0]?.kind).toBe('retryable');
  });
});
