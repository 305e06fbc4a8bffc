import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The mail piece maps to in_transit with its one event (EVNMI, forwarded after a mis-sort), as the payload's
// statusCategory says; the error body is a carrier_error. No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/royalmail/TrackingResponseJSON.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown, extra: { requested?: string[]; httpStatus?: number } = {}) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });

describe('royalmail', () => {
  it('keeps the offset Royal Mail writes and reads the item facts', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.trackingNumber).toBe('090367574000000FE1E1B');
    expect(s?.events).toEqual([
      {
        occurredAt: '2016-10-20T09:04:00.000Z',
        occurredAtLocal: '2016-10-20T10:04:00+01:00',
        utcOffsetMinutes: 60,
        offsetSource: 'carrier',
        status: 'in_transit',
        substatus: 'rerouted',
        rawCode: 'EVNMI',
        rawText: 'Forwarded - Mis-sort',
        location: { city: 'Stafford DO', region: null, postalCode: null, countryCode: null },
        mapped: true,
      },
    ]);
    expect(s).toMatchObject({
      service: 'Special Delivery Guaranteed',
      signedBy: 'Simon',
      origin: { countryCode: 'GB' },
      destination: { countryCode: 'GB' },
      carrierStatus: { code: 'IN TRANSIT', text: "It's being redirected" },
      edd: {
        date: '2017-02-20',
        windowStart: '2017-02-20T07:00:00.000Z',
        windowEnd: '2017-02-20T10:00:00.000Z',
      },
    });
  });

  it('answers with the barcode that was asked for when the item carries it, else with mailPieceId', () => {
    expect(map(readFixture(FILE), { requested: ['FQ087430672GB'] }).shipments[0]?.trackingNumber).toBe(
      'FQ087430672GB',
    );
    expect(map(readFixture(FILE), { requested: ['XX000000000GB'] }).shipments[0]?.trackingNumber).toBe(
      '090367574000000FE1E1B',
    );
  });

  it('sorts events oldest first, maps delivery codes and leaves unknown codes to their text', () => {
    const body = fixture();
    body.mailPieces.events = [
      { eventCode: 'EVKSP', eventName: 'Delivered and Signed', eventDateTime: '2024-01-10T19:10:11Z' },
      { eventCode: 'EVZZZ', eventName: 'Delivered to neighbour', eventDateTime: '2024-01-10T18:00:00Z' },
      { eventCode: 'EVKNA', eventName: 'Delivery attempted', eventDateTime: '2024-01-09T12:00:00+00:00' },
      { eventCode: 'EVPPA', eventName: 'Accepted at Post Office', eventDateTime: '2024-01-08T10:17:40Z' },
      { eventCode: 'EVNDA', eventName: 'Available for Redelivery or Collection', eventDateTime: 'soon' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['EVPPA', 'in_transit', 'dropped_off', true],
      ['EVKNA', 'attempt_failed', 'recipient_unavailable', true],
      ['EVZZZ', 'delivered', null, false],
      ['EVKSP', 'delivered', 'signed', true],
    ]);
    expect(s?.skipped).toEqual([
      { code: 'EVNDA', text: 'Available for Redelivery or Collection', reason: 'unreadable time "soon"' },
    ]);
  });

  it('keeps an item with no events, without inventing one', () => {
    const body = fixture();
    body.mailPieces.events = [];
    const s = map(body).shipments[0];
    expect(s?.events).toEqual([]);
    expect(s?.carrierStatus?.code).toBe('IN TRANSIT');
  });

  it('reads a summary answer: the latest event per item, and per-item errors as problems', () => {
    const piece = fixture().mailPieces;
    delete piece.events;
    const summary = {
      mailPieces: [
        piece,
        {
          mailPieceId: 'AB123456789GB',
          carrierShortName: 'RM',
          error: {
            errorCode: 'E1142',
            errorDescription: 'Barcode reference mailPieceId isn not recognised',
            errorCause: 'A mail item with that barcode cannot be located',
          },
        },
      ],
    };
    const r = map(summary, { requested: ['FQ087430672GB', 'AB123456789GB'] });
    expect(r.shipments).toHaveLength(1);
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.occurredAt])).toEqual([
      ['EVNMI', '2016-10-20T09:04:00.000Z'],
    ]);
    expect(r.problems).toEqual([
      {
        kind: 'not_found',
        code: 'E1142',
        trackingNumber: 'AB123456789GB',
        message:
          'Barcode reference mailPieceId isn not recognised: A mail item with that barcode cannot be located',
      },
    ]);
  });

  it('types error bodies by Royal Mail code, then by HTTP code', () => {
    const fixtureError = map(readFixture('karrio/royalmail/TrackingErrorResponseJSON.json'), {
      requested: ['FQ087430672GB'],
    });
    expect(fixtureError.problems).toEqual([
      {
        kind: 'carrier_error',
        code: 'E0004',
        trackingNumber: 'FQ087430672GB',
        message:
          'Failed header validation for X-Accept-RMG-Terms: The submitted request was not valid against the required header definition',
      },
    ]);
    const err = (httpCode: string, errorCode?: string) =>
      map({ httpCode, httpMessage: 'x', errors: errorCode ? [{ errorCode, errorDescription: 'd' }] : [] })
        .problems[0];
    expect(err('404', 'E1142')?.kind).toBe('not_found');
    expect(err('429', 'E0010')?.kind).toBe('retryable');
    expect(err('503')?.kind).toBe('retryable');
    expect(err('401')).toMatchObject({ kind: 'carrier_error', code: '401' });
  });

  it('reports bad bodies as malformed', () => {
    expect(map('{"mailPieces":').problems[0]?.kind).toBe('malformed');
    expect(map('[]').problems[0]?.kind).toBe('malformed');
    expect(map({}).problems[0]?.kind).toBe('malformed');
    expect(map({ mailPieces: { carrierShortName: 'RM' } }).problems[0]?.kind).toBe('malformed');
  });
});
