import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'aftership_sdk_java/aftership/MarkAsCompletedResult.json': {
    status: 'delivered',
    reason:
      "The tracking-level tag Exception/Exception_013 ('Shipment lost') was set by the merchant's mark-as-completed " +
      'call, not by a carrier scan (SOURCES.md: "mark-as-completed gives tag Exception while the last checkpoint is ' +
      'Delivered"). The carrier\'s 14 checkpoints end with Delivered_001 at 2018-07-25T10:10:00+09:00, signed_by ' +
      "'..KOSUTOKO', shipment_delivery_date set. wismo derives status from events: delivered; the tag stays visible " +
      'as carrierStatus Exception_013.',
  },
});

const file = (name: string) => readFixture(`aftership_sdk_java/aftership/${name}`);
const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });
const only = (body: unknown): TrackedShipment => {
  const result = map(body);
  expect(result.problems).toEqual([]);
  expect(result.shipments).toHaveLength(1);
  return result.shipments[0] as TrackedShipment;
};
const checkpoint = (tag: string | null, subtag: string | null, extra: Record<string, unknown> = {}) => ({
  slug: 'dhl',
  checkpoint_time: '2024-02-01T09:30:00+01:00',
  message: 'Scan',
  tag,
  subtag,
  raw_tag: 'RAW',
  city: 'Berlin',
  country_iso3: 'DEU',
  ...extra,
});
const tracking = (checkpoints: unknown[], extra: Record<string, unknown> = {}) => ({
  meta: { code: 200 },
  data: { tracking: { tracking_number: '1234567890', slug: 'dhl', tag: 'InTransit', checkpoints, ...extra } },
});

describe('aftership: FedEx China → Japan (GetTrackingResult.json)', () => {
  const s = only(file('GetTrackingResult.json'));

  it('keeps each checkpoint offset and sorts by the instant', () => {
    expect(s.events.map((e) => [e.occurredAt, e.utcOffsetMinutes, e.offsetSource]).slice(0, 2)).toEqual([
      ['2018-07-23T06:21:39.000Z', -300, 'carrier'],
      ['2018-07-23T08:58:00.000Z', 480, 'carrier'],
    ]);
    expect(s.events.at(-1)).toMatchObject({
      occurredAt: '2018-07-25T01:10:00.000Z',
      occurredAtLocal: '2018-07-25T10:10:00+09:00',
      utcOffsetMinutes: 540,
      status: 'delivered',
      location: { city: null, region: null, postalCode: null, countryCode: 'JP' },
    });
  });

  it('maps sub-statuses and keeps the raw tag as the code', () => {
    expect(s.events.slice(0, 5).map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['FPX_L_RPIF', 'info_received', 'label_created', true],
      ['FPX_L_RPIF', 'in_transit', 'picked_up', true],
      ['FPX_L_RPIF', 'in_transit', 'departed', true],
      ['FPX_L_RPIF', 'in_transit', 'in_transit', true],
      ['FPX_L_RPIF', 'in_transit', 'arrived', true],
    ]);
    expect(s.events[12]).toMatchObject({
      status: 'out_for_delivery',
      rawText: expect.stringMatching(/^In transit/),
    });
  });

  it('reads the tracking facts', () => {
    expect(s).toMatchObject({
      trackingNumber: '111111111111',
      underlyingCarrier: 'fedex',
      service: 'FedEx International Economy',
      signedBy: '..KOSUTOKO',
      pieces: 1,
      origin: { countryCode: 'CN' },
      destination: { countryCode: 'JP' },
      carrierStatus: { code: 'Delivered_001', text: 'Delivered' },
      edd: { date: '2022-01-05', windowStart: null, windowEnd: null },
    });
  });
});

describe('aftership: one API, two time conventions', () => {
  const list = map(file('GetTrackingsResult.json'));
  const update = only(file('UpdateTrackingResult.json'));

  it('naive checkpoint times without a country stay assumed UTC, and match the offset versions', () => {
    const withOffsets = list.shipments[0] as TrackedShipment;
    expect(update.events.map((e) => e.occurredAt)).toEqual(withOffsets.events.map((e) => e.occurredAt));
    expect(withOffsets.events[0]).toMatchObject({
      occurredAtLocal: '2018-07-31T10:33:00-04:00',
      offsetSource: 'carrier',
    });
    expect(update.events[0]).toMatchObject({
      occurredAt: '2018-07-31T14:33:00.000Z',
      occurredAtLocal: '2018-07-31T14:33:00',
      offsetSource: 'assumed_utc',
    });
  });

  it('a naive time with a country takes the zone of the place; a bare date is midnight there', () => {
    const s = only(
      tracking([
        checkpoint('InTransit', 'InTransit_003', { checkpoint_time: '2024-02-01T09:30:00' }),
        checkpoint('InTransit', 'InTransit_007', { checkpoint_time: '2024-02-05' }),
      ]),
    );
    expect(s.events.map((e) => [e.occurredAt, e.utcOffsetMinutes, e.offsetSource])).toEqual([
      ['2024-02-01T08:30:00.000Z', 60, 'location_zone'],
      ['2024-02-04T23:00:00.000Z', 60, 'location_zone'],
    ]);
  });

  it('maps every tracking of a list', () => {
    expect(
      list.shipments.map((s) => [
        s.trackingNumber,
        s.underlyingCarrier,
        s.events.length,
        s.carrierStatus?.code,
      ]),
    ).toEqual([
      ['1111111111111', 'fedex', 11, 'Delivered_001'],
      ['2222222222222', 'ups', 0, 'Expired_001'],
      ['1231231231231', 'usps', 0, 'Expired_001'],
    ]);
    const first = list.shipments[0] as TrackedShipment;
    expect(first.signedBy).toBeNull(); // "Signature not required" names nobody
    expect(first.edd).toEqual({ date: '2018-08-01', windowStart: null, windowEnd: null });
    expect(first.events[4]).toMatchObject({
      rawCode: 'FPX_L_RPIF',
      status: 'exception',
      substatus: 'unknown_problem',
    });
  });
});

describe('aftership: other endpoints', () => {
  it('last checkpoint: one event with its tracking', () => {
    const s = only(file('GetLastCheckpointResult.json'));
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({
      occurredAt: '2018-08-01T17:19:47.000Z',
      utcOffsetMinutes: -240,
      status: 'delivered',
      location: { city: 'Deal', region: 'NJ' },
    });
  });

  it('mark as completed: the tag says lost, the checkpoints say delivered', () => {
    const s = only(file('MarkAsCompletedResult.json'));
    expect(s.carrierStatus).toEqual({ code: 'Exception_013', text: 'Shipment lost' });
    expect(derivedStatus(s)).toBe('delivered');
  });

  it('a new tracking has no events; a merchant promise is not an estimate', () => {
    const s = only(file('CreateTrackingResult.json'));
    expect(s.events).toEqual([]);
    expect(s.edd).toBeNull();
    expect(s.carrierStatus).toEqual({ code: 'Pending_001', text: 'Pending' });
  });

  it('webhook envelope, and a delivered tracking without checkpoints', () => {
    const s = only({
      event: 'tracking_update',
      msg: {
        tracking_number: 'RR123456789CN',
        slug: 'usps',
        tag: 'Delivered',
        subtag: 'Delivered_003',
        subtag_message: 'Signed by customer',
        shipment_delivery_date: '2024-02-03T15:04:05+01:00',
        checkpoints: [],
      },
      ts: 1706968000,
    });
    expect(s.events.map((e) => [e.occurredAt, e.status, e.substatus, e.rawCode])).toEqual([
      ['2024-02-03T14:04:05.000Z', 'delivered', 'signed', 'Delivered_003'],
    ]);
  });

  it('reads an estimate window with times', () => {
    const s = only(
      tracking([], {
        latest_estimated_delivery: {
          type: 'range',
          datetime: null,
          datetime_min: '2024-02-05T09:00:00+01:00',
          datetime_max: '2024-02-05T17:00:00+01:00',
        },
      }),
    );
    expect(s.edd).toEqual({
      date: '2024-02-05',
      windowStart: '2024-02-05T08:00:00.000Z',
      windowEnd: '2024-02-05T16:00:00.000Z',
    });
  });
});

describe('aftership: codes', () => {
  it('delays stay in transit; unknown sub-statuses take their tag; unknown tags their text', () => {
    const s = only(
      tracking([
        checkpoint('Exception', 'Exception_004'),
        checkpoint('Exception', 'Exception_017'),
        checkpoint('AttemptFail', 'AttemptFail_003'),
        checkpoint('Exception', 'Exception_010'),
        checkpoint('Exception', 'Exception_099', { raw_tag: 'XYZ' }),
        checkpoint('Teleported', 'Teleported_001', { message: 'Out for delivery' }),
        checkpoint('OutForDelivery', null),
      ]),
    );
    expect(s.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['RAW', 'in_transit', 'customs_delay', true],
      ['RAW', 'in_transit', 'weather_delay', true],
      ['RAW', 'attempt_failed', 'business_closed', true],
      ['RAW', 'returning', 'return_to_sender', true],
      ['XYZ', 'exception', 'unknown_problem', false],
      ['RAW', 'out_for_delivery', null, false],
      ['RAW', 'out_for_delivery', null, true],
    ]);
  });
});

describe('aftership: errors', () => {
  it('meta codes give typed problems', () => {
    expect(map(file('Error.json')).problems).toEqual([
      { kind: 'carrier_error', code: '401', trackingNumber: null, message: 'Unauthorized: Invalid API Key.' },
    ]);
    const notFound = map({
      meta: { code: 4004, message: 'Tracking does not exist.', type: 'NotFound' },
      data: { tracking: { slug: 'ups', tracking_number: '1Z999' } },
    });
    expect(notFound.problems[0]).toMatchObject({ kind: 'not_found', code: '4004', trackingNumber: '1Z999' });
    expect(map({ meta: { code: 429, type: 'TooManyRequests' }, data: {} }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map({ meta: { code: 503, type: 'ServiceUnavailable' }, data: {} }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(
      map({ meta: { code: 4003, message: 'Tracking already exists.' }, data: {} }).problems[0]?.kind,
    ).toBe('carrier_error');
  });

  it('a list asked for by number reports the numbers it leaves out as not found (GET /trackings?tracking_numbers=)', () => {
    const requested = ['1111111111111', '2222-2222-22222', 'NOPE1'];
    const result = mapPayload(adapter, { body: file('GetTrackingsResult.json'), requested });
    expect(result.shipments).toHaveLength(3);
    expect(result.problems).toEqual([
      {
        kind: 'not_found',
        code: null,
        trackingNumber: 'NOPE1',
        message: 'AfterShip does not track this number',
      },
    ]);
    const empty = { meta: { code: 200 }, data: { pagination: { total: 0 }, trackings: [] } };
    expect(mapPayload(adapter, { body: JSON.stringify(empty), requested: ['1Z1'] }).problems).toEqual([
      expect.objectContaining({ kind: 'not_found', trackingNumber: '1Z1' }),
    ]);
    expect(map(empty)).toEqual({ shipments: [], problems: [] });
  });

  it('malformed bodies never throw', () => {
    expect(map('{"meta":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map({ meta: { code: 200 }, data: {} }).problems[0]?.kind).toBe('malformed');
    expect(map({ meta: { code: 200 }, data: { trackings: [{}, null] } }).problems).toHaveLength(2);
  });
});
