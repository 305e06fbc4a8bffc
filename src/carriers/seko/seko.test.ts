import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// All SEKO fixtures map to karrio's status and event count ("pending" with events is info_received): no
// corrections.
describeFixtures(adapter, {});

const consignment = (events: object[], extra: object = {}) =>
  JSON.stringify([
    {
      ConsignmentNo: 'DG30754101650',
      Status: 'In transit',
      Picked: null,
      Delivered: null,
      Events: events,
      ...extra,
    },
  ]);
const ev = (omni: string, when: string, description: string, where = 'NL') => ({
  EventDT: when,
  Code: null,
  OmniCode: omni,
  Description: description,
  Location: where,
  Part: 1,
});

describe('seko', () => {
  it('reads local times in the zone of the event’s country, with milliseconds', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/seko/TrackingResponse.json') }).shipments[0];
    expect(s?.events[0]).toMatchObject({
      occurredAt: '2024-12-13T09:55:23.043Z',
      occurredAtLocal: '2024-12-13T09:55:23.043',
      utcOffsetMinutes: 0,
      offsetSource: 'location_zone',
      rawCode: 'OP-1',
      rawText: 'Tracking number allocated & order ready',
      location: { city: 'LONDON', region: 'EGHAM', postalCode: null, countryCode: 'GB' },
    });
    expect(s?.events.at(-1)).toMatchObject({
      occurredAt: '2024-12-24T12:31:47.000Z',
      utcOffsetMinutes: 60,
      status: 'delivered',
      location: { city: null, countryCode: 'NL' },
    });
    expect(s?.events.map((e) => e.rawCode)).toEqual([
      'OP-1',
      'OP-8',
      'OP-3',
      'OP-4',
      'OP-4',
      'OP-79',
      'OP-50',
      'OP-50',
      'OP-21',
      'OP-72',
    ]);
    expect(s?.carrierStatus).toEqual({ code: 'DELIVERED', text: 'DELIVERED' });
  });

  it('gives one shipment per consignment of a multi-consignment answer', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/seko/TrackingResponse2.json') });
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length, s.events[1]?.offsetSource])).toEqual([
      ['DG30754101650', 2, 'assumed_utc'],
      ['DG30754101664', 2, 'assumed_utc'],
      ['DG30754101665', 2, 'assumed_utc'],
      ['DG30754101666', 2, 'assumed_utc'],
    ]);
  });

  it('places US events in the state’s zone (variable fractional seconds)', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/seko/schemas/tracking_response.json') })
      .shipments[0];
    expect(s?.events[2]).toMatchObject({
      occurredAt: '2021-03-05T21:53:00.550Z',
      occurredAtLocal: '2021-03-05T13:53:00.55',
      utcOffsetMinutes: -480,
      location: { city: 'CARSON', region: 'CA', countryCode: 'US' },
    });
  });

  it('maps returns, holds and pickup points; unknown codes from their text, unmapped', () => {
    const body = consignment([
      ev('OP-6', '2024-03-01T10:00:00', 'Customs held for inspection'),
      ev('OP-76', '2024-03-03T10:00:00', 'Delivered to locker'),
      ev('OP-99', '2024-03-04T10:00:00', 'Parcel returned to sender'),
      ev('OP-68', '2024-03-09T10:00:00', 'RTS Received'),
    ]);
    expect(
      mapPayload(adapter, { body }).shipments[0]?.events.map((e) => [
        e.rawCode,
        e.status,
        e.substatus,
        e.mapped,
      ]),
    ).toEqual([
      ['OP-6', 'exception', 'customs_hold', true],
      ['OP-76', 'available_for_pickup', 'at_pickup_point', true],
      ['OP-99', 'returning', 'return_to_sender', false],
      ['OP-68', 'returned', 'return_to_sender', true],
    ]);
  });

  it('emits one event from the status node when SEKO reports a state without events', () => {
    const s = mapPayload(adapter, {
      body: consignment([], { Status: 'DELIVERED', Delivered: '2024-12-24T13:31:47' }),
    }).shipments[0];
    expect(s?.events).toMatchObject([
      {
        rawCode: '',
        rawText: 'DELIVERED',
        status: 'delivered',
        occurredAt: '2024-12-24T13:31:47.000Z',
        offsetSource: 'assumed_utc',
      },
    ]);
    expect(mapPayload(adapter, { body: consignment([]) }).shipments[0]?.events).toEqual([]);
  });

  it('maps errors to typed problems and never throws', () => {
    expect(mapPayload(adapter, { body: readFixture('karrio/seko/ErrorResponse.json') }).problems).toEqual([
      {
        kind: 'carrier_error',
        trackingNumber: null,
        code: 'CountryCode',
        message: 'CountryCode is required',
      },
    ]);
    expect(mapPayload(adapter, { body: '[]', requested: ['DG1'] }).problems).toEqual([
      { kind: 'not_found', trackingNumber: 'DG1', code: null, message: 'SEKO returned no consignment' },
    ]);
    expect(
      mapPayload(adapter, { body: '{"Message":"Too many requests"}', httpStatus: 429 }).problems[0]?.kind,
    ).toBe('retryable');
    expect(mapPayload(adapter, { body: '[{"ConsignmentNo":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
  });
});
