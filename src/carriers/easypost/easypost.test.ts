import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { deriveShipment } from '../../tracking/derive.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// No corrections: every EasyPost fixture maps to the status its source states. tracking-webhook.json lists a
// delivered scan dated before all the others (SOURCES.md); derive.ts walks events in time order, so that scan
// comes first and every later scan is out_of_order after a delivery: the final status is still delivered.
describeFixtures(adapter);

const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });
const only = (body: unknown): TrackedShipment => {
  const result = map(body);
  expect(result.problems).toEqual([]);
  expect(result.shipments).toHaveLength(1);
  return result.shipments[0] as TrackedShipment;
};
const fixture = (file: string) => only(readFixture(`easypost_examples/easypost/${file}`));

const tracker = (details: unknown[], extra: Record<string, unknown> = {}) => ({
  object: 'Tracker',
  tracking_code: '9400100000000000000000',
  status: 'in_transit',
  carrier: 'USPS',
  tracking_details: details,
  ...extra,
});
const detail = (status: string, statusDetail: string | null, message: string, carrierCode?: string) => ({
  object: 'TrackingDetail',
  status,
  status_detail: statusDetail,
  message,
  carrier_code: carrierCode ?? null,
  datetime: '2024-05-01T10:00:00Z',
  tracking_location: { city: 'DENVER', state: 'CO', country: 'US', zip: '80202' },
});

describe('easypost: webhook Event with a FedEx tracker (event-body.json)', () => {
  const s = fixture('event-body.json');

  it('keeps the carrier code and reads the status from status/status_detail', () => {
    expect(s.trackingNumber).toBe('1');
    expect(s.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['OC', 'info_received', 'label_created', true],
      ['PU', 'in_transit', 'arrived', true],
      ['AR', 'in_transit', 'arrived', true],
      ['DP', 'in_transit', 'departed', true],
      ['IT', 'in_transit', null, true],
      ['IT', 'in_transit', null, true],
      ['AR', 'in_transit', 'arrived', true],
    ]);
  });

  it('keeps the UTC instants and seconds as written', () => {
    const dp = s.events[3];
    expect(dp?.occurredAt).toBe('2024-08-01T14:42:13.000Z');
    expect(dp?.occurredAtLocal).toBe('2024-08-01T14:42:13Z');
    expect(dp?.utcOffsetMinutes).toBe(0);
    expect(dp?.offsetSource).toBe('carrier');
    expect(s.events[0]?.location).toEqual({
      city: null,
      region: null,
      postalCode: '32837',
      countryCode: 'US',
    });
  });

  it('reads the shipment facts', () => {
    expect(s.underlyingCarrier).toBe('fedex');
    expect(s.service).toBe('FEDEX_GROUND');
    expect(s.edd).toEqual({ date: '2024-08-05', windowStart: null, windowEnd: null });
    expect(s.origin).toEqual({ city: 'ORLANDO', region: 'FL', postalCode: '32809', countryCode: 'US' });
    expect(s.destination).toBeNull();
    expect(s.signedBy).toBeNull();
    expect(s.carrierStatus).toEqual({ code: 'in_transit', text: 'arrived_at_facility' });
  });
});

describe('easypost: tracker without status_detail (tracking-webhook.json)', () => {
  const s = fixture('tracking-webhook.json');

  it('takes the step from the scan text when EasyPost only gives the stage', () => {
    expect(s.events.map((e) => [e.rawText, e.status, e.substatus])).toEqual([
      ['BILLING INFORMATION RECEIVED', 'info_received', 'label_created'],
      ['ORIGIN SCAN', 'in_transit', 'picked_up'],
      ['DEPARTURE SCAN', 'in_transit', 'departed'],
      ['ARRIVAL SCAN', 'in_transit', 'arrived'],
      ['OUT FOR DELIVERY', 'out_for_delivery', null],
      ['DELIVERED', 'delivered', null],
    ]);
    expect(s.signedBy).toBe('John Tester');
    expect(s.underlyingCarrier).toBe('ups');
    expect(s.edd?.date).toBe('2014-11-27');
  });

  it('the early delivered scan still ends the journey; later scans are out of order', () => {
    const derived = deriveShipment(
      s.events.map((e, i) => ({ key: `${i}`, ...e, substatus: e.substatus, rawCode: e.rawCode })),
    );
    expect(derived.status).toBe('delivered');
    expect(derived.deliveredAt).toBe('2014-11-19T10:51:54.000Z');
    expect(derived.decisions.get('4')).toBe('out_of_order');
  });
});

describe('easypost: status and status_detail together', () => {
  const rules = (...details: ReturnType<typeof detail>[]) =>
    only(tracker(details)).events.map((e) => [e.status, e.substatus, e.mapped]);

  it('a problem detail overrides the stage, a delay keeps it, a progress detail on the way back does not', () => {
    expect(
      rules(
        detail('failure', 'lost', 'Lost'),
        detail('in_transit', 'weather_delay', 'Weather'),
        detail('pre_transit', 'delayed', 'Awaiting item, delayed'),
        detail('return_to_sender', 'arrived_at_facility', 'Arrived at facility'),
        detail('available_for_pickup', 'held', 'Held at post office'),
        detail('in_transit', 'held', 'Held'),
        detail('delivered', 'arrived_at_facility', 'Delivered'),
      ),
    ).toEqual([
      ['exception', 'lost', true],
      ['in_transit', 'weather_delay', true],
      ['info_received', 'carrier_delay', true],
      ['returning', 'return_to_sender', true],
      ['available_for_pickup', 'held_at_facility', true],
      ['exception', 'held', true],
      ['delivered', null, true],
    ]);
  });

  it('unknown codes are unmapped, keep their code, and take their status from the stage or the text', () => {
    const s = only(
      tracker([
        detail('teleported', 'beamed', 'Out for delivery', 'ZZ'),
        detail('unknown', 'unknown', 'Delivered, front porch'),
        detail('unknown', null, 'Scan'),
        detail('mystery', null, 'Scan'),
        detail('out_for_delivery', 'drone_dispatched', 'Scan', 'DR'),
      ]),
    );
    expect(s.events.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['ZZ', 'out_for_delivery', false],
      ['unknown', 'delivered', true],
      ['unknown', 'in_transit', true],
      ['mystery', 'in_transit', false],
      ['DR', 'out_for_delivery', false],
    ]);
  });
});

describe('easypost: bodies without tracking', () => {
  it('gives typed problems for error bodies', () => {
    const karrio = map(readFixture('karrio/easypost/ErrorResponseJSON.json'));
    expect(karrio.problems).toEqual([
      expect.objectContaining({ kind: 'carrier_error', code: 'TRACKER.CREATE.ERROR' }),
    ]);
    expect(karrio.problems[0]?.message).toMatch(/only test tracking numbers are valid/);
    expect(
      map({ error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.' } }).problems,
    ).toEqual([expect.objectContaining({ kind: 'not_found', code: 'NOT_FOUND' })]);
    expect(map({ error: { code: 'RATE_LIMITED', message: 'slow down' } }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map({ error: { code: 'SOMETHING', message: 'down' } }, 503).problems[0]?.kind).toBe('retryable');
    expect(map({ error: { code: 'APIKEY.UNAUTHORIZED', message: 'no' } }, 401).problems[0]?.kind).toBe(
      'carrier_error',
    );
  });

  it('an Event without its Tracker is reported, not invented', () => {
    for (const file of ['event_example.json', 'events-retrieve.json']) {
      const result = map(readFixture(`easypost_examples/easypost/${file}`));
      expect(result.shipments).toEqual([]);
      expect(result.problems[0]).toMatchObject({ kind: 'ignored', code: 'event_without_tracker' });
    }
  });

  it('malformed bodies never throw', () => {
    expect(map('{"tracking_code":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map('[]').problems[0]?.kind).toBe('malformed');
    expect(map({ object: 'Tracker', status: 'delivered' }).problems[0]?.kind).toBe('malformed');
    for (const p of map({ trackers: [null, 7] }).problems) expect(p.code).not.toBe('mapper_exception');
  });
});

describe('easypost: lists and empty trackers', () => {
  it('maps every tracker of a list', () => {
    const result = map({
      trackers: [
        tracker([detail('delivered', 'arrived_at_facility', 'Delivered')], { tracking_code: 'AAA1' }),
        tracker([], { tracking_code: 'BBB2', carrier: 'DHLExpress' }),
      ],
      has_more: false,
    });
    expect(result.shipments.map((s) => [s.trackingNumber, s.events.length, s.underlyingCarrier])).toEqual([
      ['AAA1', 1, 'usps'],
      ['BBB2', 0, 'dhl_express'],
    ]);
  });

  it('trackers-list.json: the list envelope', () => {
    const s = fixture('trackers-list.json');
    expect(s.events.map((e) => [e.occurredAt, e.status, e.rawCode])).toEqual([
      ['2025-04-09T20:40:17.000Z', 'info_received', 'status_update'],
      ['2025-04-10T09:17:17.000Z', 'info_received', 'status_update'],
    ]);
    expect(s.service).toBe('First-Class Package Service');
  });

  it('detects only the documented test codes', () => {
    expect(adapter.detect?.('EZ4000000004')[0]).toMatchObject({ carrier: 'easypost' });
    expect(adapter.detect?.('EZ4000000005')).toEqual([]);
  });
});
