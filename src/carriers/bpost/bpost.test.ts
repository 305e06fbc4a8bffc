import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/bpost/TrackingResponse.xml': {
    status: 'delivered',
    reason:
      'bpost lists stateInfo oldest first and the newest state is U01 "DistributedNormally - regular" at 2012-11-23T09:31:07+01:00, equal to deliveryTime; karrio reads stateInfo[0], the oldest (T00 sorted), hence its in_transit (EXPECTED.json notes and SOURCES.md flag this as a karrio quirk).',
  },
});

const item = (states: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><itemTracking xmlns="http://schema.post.be/tracking/v1/"><itemCode>323299901059900001234567</itemCode>${states}</itemTracking>`;
const state = (code: string, time: string, description: string) =>
  `<stateInfo><time>${time}</time><stateCode>${code}</stateCode><stateDescription>${description}</stateDescription></stateInfo>`;

describe('bpost', () => {
  it('reads the fixture oldest first with its offsets, L00 as out for delivery, and the addresses', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/bpost/TrackingResponse.xml') });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['T00', 'in_transit', 'in_transit', true],
      ['L00', 'out_for_delivery', null, true],
      ['U01', 'delivered', null, true],
    ]);
    expect(s?.events[1]).toMatchObject({
      occurredAt: '2012-11-23T06:11:18.923Z',
      occurredAtLocal: '2012-11-23T07:11:18.923+01:00',
      utcOffsetMinutes: 60,
      offsetSource: 'carrier',
      rawText: 'BoundToRound - out_for_distribution',
    });
    expect(s).toMatchObject({
      trackingNumber: '323212345659900040669030',
      origin: { city: 'BRUSSELS', postalCode: '1000', countryCode: 'BE' },
      destination: { city: 'BRUSSELS', postalCode: '1000', countryCode: 'BE' },
      edd: null,
    });
  });

  it('reads unknown codes from their family, else their text, unmapped; keeps an item without states', () => {
    const r = mapPayload(adapter, {
      body: item(
        state('U19', '2024-05-02T10:00:00+02:00', 'DistributedToNeighbour - neighbour') +
          state('Z42', '2024-05-01T10:00:00+02:00', 'ReturnedToSender - back'),
      ),
    });
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['Z42', 'returning', false],
      ['U19', 'delivered', false],
    ]);
    expect(mapPayload(adapter, { body: item('') }).shipments[0]?.events).toEqual([]);
  });

  it('maps refusals and failed attempts from the code table', () => {
    const r = mapPayload(adapter, {
      body: item(
        state('N01', '2024-05-01T10:00:00+02:00', 'x') + state('B03', '2024-05-02T10:00:00+02:00', 'y'),
      ),
    });
    expect(r.shipments[0]?.events.map((e) => [e.status, e.substatus])).toEqual([
      ['attempt_failed', 'recipient_unavailable'],
      ['exception', 'refused'],
    ]);
  });

  it('gives one shipment per item of a multi-item answer', () => {
    const body = `<itemTrackings xmlns="http://schema.post.be/tracking/v1/"><itemTracking><itemCode>AA1</itemCode></itemTracking><itemTracking><itemCode>AA2</itemCode>${state('T00', '2024-05-01T10:00:00+02:00', 'x')}</itemTracking></itemTrackings>`;
    expect(mapPayload(adapter, { body }).shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([
      ['AA1', 0],
      ['AA2', 1],
    ]);
  });

  it('maps exception documents to typed problems', () => {
    const sys = mapPayload(adapter, { body: readFixture('karrio/bpost/ErrorResponse.xml') }).problems[0];
    expect(sys).toMatchObject({ kind: 'retryable', code: 'systemException', trackingNumber: null });
    expect(sys?.message).toMatch(/^An unexpected error occurred while executing the request!/);
    const business =
      '<businessException xmlns="http://schema.post.be/api/shm/common/v2/" xmlns:ns2="http://schema.post.be/common/exception/v1/"><ns2:code>ITEM_NOT_FOUND</ns2:code><ns2:message>Item not found</ns2:message></businessException>';
    expect(mapPayload(adapter, { body: business, requested: ['323299901059900001234567'] }).problems).toEqual(
      [
        {
          kind: 'not_found',
          trackingNumber: '323299901059900001234567',
          code: 'ITEM_NOT_FOUND',
          message: 'Item not found',
        },
      ],
    );
    const invalid = '<validationException><message>Invalid item code</message></validationException>';
    expect(mapPayload(adapter, { body: invalid }).problems[0]?.kind).toBe('carrier_error');
  });

  it('never throws on bad bodies', () => {
    expect(mapPayload(adapter, { body: '<itemTracking>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<other/>' }).problems[0]?.kind).toBe('malformed');
    expect(
      mapPayload(adapter, { body: '<other/>', httpStatus: 404, requested: ['AA1'] }).problems[0],
    ).toMatchObject({
      kind: 'not_found',
      trackingNumber: 'AA1',
    });
    expect(mapPayload(adapter, { body: '<itemTrackings/>' }).problems[0]?.kind).toBe('not_found');
  });
});
