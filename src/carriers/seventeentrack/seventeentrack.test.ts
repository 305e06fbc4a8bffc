import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'py17track/17track/gettrackinfo_with_unknown_status_response.json': {
    status: 'in_transit',
    reason:
      'The first entry has e=0 (Not Found in py17track PACKAGE_STATUS_MAP) yet lists 4 events; a listed event ' +
      'means the carrier knows the parcel, so wismo does not apply Not Found to it. The events carry no code and ' +
      'all read "Arrival at Destination Post": in_transit (arrived), unmapped.',
  },
  'py17track/17track/packages_response.json': {
    status: 'in_transit',
    eventCount: 1,
    reason:
      'Legacy web API: the first package has no FPackageState but an FLastEvent {a: "2018-04-23 12:02", c: "Paris", ' +
      'z: "Arrival at Destination Post"}; wismo keeps it as the one event and reads its text: in_transit.',
  },
  'py17track/17track/packages_response_with_unknown_state.json': {
    status: 'in_transit',
    eventCount: 1,
    reason:
      'Legacy web API: the first package has no FPackageState but an FLastEvent {a: "2021-03-05", Milano Italy, ' +
      '"Arrival at Destination Post"}; wismo keeps it (a bare date: midnight in Europe/Rome) and reads its text.',
  },
});

const fixture = (file: string) => mapPayload(adapter, { body: readFixture(`py17track/17track/${file}`) });
const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });

describe('17track: API v1 gettrackinfo', () => {
  const result = fixture('gettrackinfo_success_response.json');
  const first = result.shipments[0] as TrackedShipment;

  it('gives one shipment per accepted entry, even for the same number', () => {
    expect(result.problems).toEqual([]);
    expect(result.shipments.map((s) => [s.trackingNumber, s.events.length, s.skipped.length])).toEqual([
      ['1234567890987654321', 4, 0],
      ['1234567890987654321', 3, 0],
      ['1234567890987654321', 1, 1],
      ['1234567890987654321', 1, 0],
      ['1234567890987654321', 0, 0],
    ]);
    expect(result.shipments[2]?.skipped[0]).toMatchObject({ code: '40', reason: 'no time given' });
  });

  it('gives the package state to the newest event only; the others read their text', () => {
    expect(first.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['40', 'delivered', null, true],
      ['', 'in_transit', 'arrived', false],
      ['', 'in_transit', 'arrived', false],
      ['', 'in_transit', 'arrived', false],
    ]);
    expect(first.carrierStatus).toEqual({ code: '40', text: 'Delivered' });
    expect(first.underlyingCarrier).toBe('fedex');
  });

  it('places naive local times in the zone of the place when it names a country', () => {
    expect(first.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.offsetSource, e.location])).toEqual([
      [
        '2022-03-08T14:11:00.000Z',
        '2022-03-08 14:11',
        'assumed_utc',
        expect.objectContaining({ city: 'Paris' }),
      ],
      [
        '2022-03-08T02:36:00.000Z',
        '2022-03-08 02:36',
        'assumed_utc',
        expect.objectContaining({ countryCode: 'ES' }),
      ],
      [
        '2022-03-08T00:41:00.000Z',
        '2022-03-08 01:41',
        'location_zone',
        expect.objectContaining({ city: 'Milano', countryCode: 'IT' }),
      ],
      ['2022-03-07T22:06:00.000Z', '2022-03-07 22:06', 'assumed_utc', null],
    ]);
  });

  it('Not Found is not given to listed events; an unknown state stays unmapped with its code', () => {
    const [notFound, inTransit, unknown] = fixture(
      'gettrackinfo_with_unknown_status_response.json',
    ).shipments;
    expect(notFound?.events[0]).toMatchObject({ rawCode: '', status: 'in_transit', mapped: false });
    expect(notFound?.carrierStatus).toEqual({ code: '0', text: 'Not Found' });
    expect(inTransit?.events[0]).toMatchObject({
      rawCode: '10',
      status: 'in_transit',
      substatus: 'arrived',
      mapped: true,
    });
    expect(unknown?.events[0]).toMatchObject({ rawCode: '5000', status: 'in_transit', mapped: false });
    expect(unknown?.carrierStatus).toEqual({ code: '5000', text: 'Unknown' });
  });

  it('gettracklist: states only, no events', () => {
    const list = fixture('gettracklist_success_response.json');
    expect(list.shipments).toHaveLength(12);
    expect(list.shipments.every((s) => s.events.length === 0)).toBe(true);
    expect(list.shipments.map((s) => s.carrierStatus?.code)).toEqual([
      '40',
      '10',
      '10',
      '10',
      '10',
      '10',
      '10',
      '0',
      '0',
      '3000',
      '4000',
      '5000',
    ]);
  });
});

describe('17track: legacy web API', () => {
  it('reads FLastEvent with and without seconds, bare dates, and empty ones', () => {
    const result = fixture('packages_response.json');
    expect(
      result.shipments.map((s) => s.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.offsetSource])),
    ).toEqual([
      [['2018-04-23T12:02:00.000Z', '2018-04-23 12:02', 'assumed_utc']],
      [['2019-02-26T01:05:34.000Z', '2019-02-26 01:05:34', 'assumed_utc']],
      [['2021-03-04T23:00:00.000Z', '2021-03-05 00:00', 'location_zone']],
      [['2018-11-22T13:33:00.000Z', '2018-11-22 13:33', 'assumed_utc']],
      [],
    ]);
  });

  it('FPackageState is the newest event state; unknown ones are kept', () => {
    const [, known, unknown] = fixture('packages_response_with_unknown_state.json').shipments;
    expect(known?.events[0]).toMatchObject({ rawCode: '10', status: 'in_transit', mapped: true });
    expect(unknown?.events).toEqual([]);
    expect(unknown?.carrierStatus).toEqual({ code: '5000', text: 'Unknown' });
  });

  it('error answers and unreadable events', () => {
    expect(map({ Code: -8, Message: 'Not signed in' }).problems[0]).toMatchObject({
      kind: 'carrier_error',
      code: '-8',
    });
    const s = map({ Json: [{ FTrackNo: 'RR1', FLastEvent: '{oops', FPackageState: 10 }] }).shipments[0];
    expect(s?.events).toEqual([]);
    expect(s?.skipped[0]?.reason).toBe('FLastEvent is not JSON');
  });
});

const v2Entry = {
  number: 'RR123456789CN',
  carrier: 3011,
  track_info: {
    shipping_info: {
      shipper_address: { country: 'CN', state: 'GD', city: 'SHENZHEN', postal_code: '518000' },
      recipient_address: { country: 'US', state: 'CA', city: 'LOS ANGELES', postal_code: '90001' },
    },
    latest_status: { status: 'Delivered', sub_status: 'Delivered_Other', sub_status_descr: null },
    time_metrics: {
      estimated_delivery_date: {
        source: 'Official',
        from: '2022-05-01T08:00:00-04:00',
        to: '2022-05-03T20:00:00-04:00',
      },
    },
    misc_info: { service_type: 'Express', pieces: '1' },
    tracking: {
      providers: [
        {
          provider: { key: 3011, name: 'China Post' },
          events: [
            {
              time_iso: '2022-04-26T14:30:00+08:00',
              time_utc: '2022-04-26T06:30:00Z',
              description: 'Package picked up',
              location: 'SHENZHEN',
              stage: 'PickedUp',
              sub_status: 'InTransit_PickedUp',
              address: { country: 'CN', city: 'SHENZHEN' },
            },
            {
              time_raw: { date: '2022-04-28', time: '09:15:42', timezone: '+08:00' },
              description: 'Held at customs, delayed',
              stage: null,
              sub_status: 'Exception_Delayed',
            },
            {
              time_iso: '2022-04-29T10:00:00+08:00',
              description: 'Beamed up',
              sub_status: 'InTransit_Teleported',
            },
          ],
        },
        {
          provider: { key: 21051, name: 'USPS' },
          events: [
            {
              time_iso: '2022-05-02T14:34:00-04:00',
              time_utc: '2022-05-02T18:34:00Z',
              description: 'Package delivered',
              location: 'LOS ANGELES, CA',
              stage: 'Delivered',
              sub_status: 'Delivered_Other',
              address: { country: 'US', state: 'CA', city: 'LOS ANGELES', postal_code: '90001' },
            },
          ],
        },
      ],
    },
  },
};

describe('17track: API v2 gettrackinfo', () => {
  const result = map({
    code: 0,
    data: {
      accepted: [v2Entry, { ...v2Entry, number: '9400100000000000000001', carrier: 21051 }],
      rejected: [
        { number: '1234', error: { code: -18019909, message: 'No tracking information at this time.' } },
      ],
    },
  });
  const s = result.shipments[0] as TrackedShipment;

  it('maps sub_status codes, delays, unknown codes by their main status', () => {
    expect(s.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['InTransit_PickedUp', 'in_transit', 'picked_up', true],
      ['Exception_Delayed', 'in_transit', 'carrier_delay', true],
      ['InTransit_Teleported', 'in_transit', null, false],
      ['Delivered_Other', 'delivered', null, true],
    ]);
  });

  it('keeps the carrier-local offsets, and reads time_raw with its zone', () => {
    expect(s.events.map((e) => [e.occurredAt, e.utcOffsetMinutes, e.offsetSource])).toEqual([
      ['2022-04-26T06:30:00.000Z', 480, 'carrier'],
      ['2022-04-28T01:15:42.000Z', 480, 'carrier'],
      ['2022-04-29T02:00:00.000Z', 480, 'carrier'],
      ['2022-05-02T18:34:00.000Z', -240, 'carrier'],
    ]);
  });

  it('reads the shipment facts and the rejected numbers', () => {
    expect(s).toMatchObject({
      trackingNumber: 'RR123456789CN',
      underlyingCarrier: null, // China Post has no wismo adapter
      service: 'Express',
      pieces: 1,
      origin: { city: 'SHENZHEN', region: 'GD', postalCode: '518000', countryCode: 'CN' },
      destination: { city: 'LOS ANGELES', countryCode: 'US' },
      carrierStatus: { code: 'Delivered_Other', text: 'Delivered' },
      edd: {
        date: '2022-05-03',
        windowStart: '2022-05-01T12:00:00.000Z',
        windowEnd: '2022-05-04T00:00:00.000Z',
      },
    });
    expect(result.shipments[1]?.underlyingCarrier).toBe('usps');
    expect(result.problems).toEqual([
      {
        kind: 'not_found',
        trackingNumber: '1234',
        code: '-18019909',
        message: 'No tracking information at this time.',
      },
    ]);
  });

  it('webhooks: TRACKING_UPDATED maps the entry, TRACKING_STOPPED gives the number without events', () => {
    expect(map({ event: 'TRACKING_UPDATED', data: v2Entry }).shipments[0]?.events).toHaveLength(4);
    const stopped = map({ event: 'TRACKING_STOPPED', data: { number: 'RR123456789CN', carrier: 3011 } });
    expect(stopped.shipments[0]).toMatchObject({
      events: [],
      carrierStatus: { code: 'TRACKING_STOPPED', text: 'TRACKING_STOPPED' },
    });
  });

  it('a package with no provider events gives its latest event', () => {
    const bare = {
      number: 'X1',
      track_info: {
        latest_event: {
          time_utc: '2022-05-02T18:34:00Z',
          description: 'Out for delivery',
          stage: 'OutForDelivery',
        },
      },
    };
    expect(map({ code: 0, data: { accepted: [bare] } }).shipments[0]?.events.map((e) => e.status)).toEqual([
      'out_for_delivery',
    ]);
  });
});

describe('17track: errors and bad bodies', () => {
  it('whole-call errors are typed', () => {
    expect(
      map({ code: -18010002, data: { errors: [{ code: -18010002, message: 'Invalid security key.' }] } })
        .problems,
    ).toEqual([
      { kind: 'carrier_error', trackingNumber: null, code: '-18010002', message: 'Invalid security key.' },
    ]);
    expect(
      map({ code: 429, data: { errors: [{ code: 429, message: 'Too many requests.' }] } }).problems[0]?.kind,
    ).toBe('retryable');
    expect(
      map({ code: -18010003, data: { errors: [{ code: -18010003, message: 'Internal' }] } }).problems[0]
        ?.kind,
    ).toBe('retryable');
  });

  it('malformed bodies never throw', () => {
    expect(map('{"code":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map({ code: 0, data: {} }).problems[0]?.kind).toBe('malformed');
    expect(map({ code: 0, data: { accepted: [{ track: {} }] } }).problems[0]?.kind).toBe('malformed');
  });
});
