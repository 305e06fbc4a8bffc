import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/geodis/TrackingResponse.json': {
    status: 'returning',
    reason:
      'karrio sets delivered because libelleLivraison is non-empty, but "Livraison le 20 janvier 2020" is the planned date (dateLivraisonPrevue 2020-01-20, timeline positionCourante 1 "En attente de prise en charge"); the newest event is SOL/REO, the Inovert/Coliposte code for a return to the sender.',
  },
});

const answer = (suivis: object[], extra: object = {}) =>
  JSON.stringify({
    ok: true,
    codeErreur: null,
    texteErreur: null,
    contenu: { noSuivi: 'ABC123', listSuivis: suivis, ...extra },
  });
const suivi = (code: string, date: string, time: string, centre: string) => ({
  dateSuivi: date,
  heureSuivi: time,
  libelleCentre: centre,
  libelleSuivi: code,
  codeSituationJustification: code,
});

describe('geodis', () => {
  it('reads the fixture: local French times, oldest first, situation codes and shipment facts', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/geodis/TrackingResponse.json') });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['COM/CFM', 'info_received', 'label_created', true],
      ['PCH/CFM', 'in_transit', 'picked_up', true],
      ['EXP/CFM', 'in_transit', 'departed', true],
      ['COM/CFM', 'info_received', 'label_created', true],
      ['AAR/CFM', 'in_transit', 'arrived', true],
      ['RST/SOU', 'exception', 'held', true],
      ['SOL/REO', 'returning', 'return_to_sender', true],
    ]);
    // January in France is UTC+1; agency 020037 is known by number only, placed in France (sender and
    // addressee are both in FR).
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2020-01-17T13:16:16.000Z',
      occurredAtLocal: '2020-01-17 14:16:16',
      utcOffsetMinutes: 60,
      offsetSource: 'location_zone',
      location: { city: 'Rochefort', countryCode: 'FR' },
    });
    expect(s?.events[6]).toMatchObject({
      occurredAt: '2020-01-17T13:23:22.000Z',
      offsetSource: 'location_zone',
      location: null,
    });
    expect(s).toMatchObject({
      trackingNumber: '1G6CPLT3JB5U',
      service: 'Express France (NTX)',
      edd: { date: '2020-01-20', windowStart: null, windowEnd: null },
      pieces: 1,
      origin: { city: 'LA ROCHELLE', postalCode: '17000', countryCode: 'FR' },
      destination: { city: 'Bruxelles', postalCode: '92000', countryCode: 'FR' },
      carrierStatus: { code: '1', text: 'En attente de prise en charge' },
    });
  });

  it('reads an unlisted code from its situation, unmapped, and a plain agency name as a city', () => {
    const r = mapPayload(adapter, {
      body: answer([
        suivi('LIV/NRT', '2024-07-02', '10:05:00', 'Lyon'),
        suivi('MLV/XYZ', '2024-07-02', '07:30:00', 'Lyon (FR)'),
      ]),
    });
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.status, e.mapped, e.offsetSource])).toEqual([
      ['MLV/XYZ', 'out_for_delivery', false, 'location_zone'],
      ['LIV/NRT', 'delivered', false, 'assumed_utc'],
    ]);
    expect(r.shipments[0]?.events[1]?.location).toEqual({
      city: 'Lyon',
      region: null,
      postalCode: null,
      countryCode: null,
    });
  });

  it('keeps a shipment without events; skips events without a time', () => {
    expect(mapPayload(adapter, { body: answer([]) }).shipments[0]).toMatchObject({
      trackingNumber: 'ABC123',
      events: [],
    });
    const s = mapPayload(adapter, { body: answer([suivi('AAR/CFM', '2024-07-02', '', '020037')]) })
      .shipments[0];
    expect(s?.skipped).toEqual([{ code: 'AAR/CFM', text: 'AAR/CFM', reason: 'no time given' }]);
  });

  it('maps error answers; several numbers give several results', () => {
    expect(mapPayload(adapter, { body: readFixture('karrio/geodis/ErrorResponse.json') }).problems).toEqual([
      { kind: 'carrier_error', trackingNumber: null, code: 'error code', message: 'error message' },
    ]);
    const both = `[${answer([])},{"ok":false,"codeErreur":"E404","texteErreur":"Envoi introuvable"}]`;
    const r = mapPayload(adapter, { body: both });
    expect(r.shipments.map((s) => s.trackingNumber)).toEqual(['ABC123']);
    expect(r.problems.map((p) => [p.kind, p.code])).toEqual([['not_found', 'E404']]);
  });

  it('never throws on bad bodies', () => {
    expect(mapPayload(adapter, { body: '{"ok":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
  });
});
