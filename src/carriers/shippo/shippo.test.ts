import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// No corrections: both USPS tracks end DELIVERED with 11 history entries, the invalid number is a
// not_found problem and the unsupported carrier token a carrier_error.
describeFixtures(adapter);

const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });
const only = (body: unknown): TrackedShipment => {
  const result = map(body);
  expect(result.problems).toEqual([]);
  expect(result.shipments).toHaveLength(1);
  return result.shipments[0] as TrackedShipment;
};

const entry = (status: string, substatus: string | null, details: string, date = '2024-03-01T12:00:00Z') => ({
  status,
  substatus: substatus ? { code: substatus, text: details, action_required: false } : null,
  status_details: details,
  status_date: date,
  location: { city: 'Austin', state: 'TX', zip: '78701', country: 'US' },
});
const track = (history: unknown[], extra: Record<string, unknown> = {}) => ({
  carrier: 'ups',
  tracking_number: '1Z999AA10123456784',
  tracking_status: history.at(-1) ?? null,
  tracking_history: history,
  ...extra,
});

describe('shippo: USPS track, API version 2017-03-29 (test_get_status)', () => {
  const s = only(readFixture('shippo_python_client/shippo/test_get_status.interaction0.response.json'));

  it('reads statuses, taking the step from the text where Shippo gives none', () => {
    expect(s.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['UNKNOWN', 'info_received', 'label_created', true],
      ['UNKNOWN', 'info_received', 'label_created', true],
      ['TRANSIT', 'in_transit', 'picked_up', true],
      ['TRANSIT', 'in_transit', 'arrived', true],
      ['TRANSIT', 'in_transit', 'departed', true],
      ['TRANSIT', 'in_transit', 'arrived', true],
      ['TRANSIT', 'in_transit', 'departed', true],
      ['TRANSIT', 'in_transit', 'arrived', true],
      ['TRANSIT', 'in_transit', null, true],
      ['TRANSIT', 'out_for_delivery', null, true],
      ['DELIVERED', 'delivered', null, true],
    ]);
  });

  it('keeps the instants as Shippo writes them (UTC)', () => {
    const ofd = s.events[9];
    expect(ofd?.occurredAt).toBe('2016-12-08T10:29:00.000Z');
    expect(ofd?.occurredAtLocal).toBe('2016-12-08T10:29:00Z');
    expect(ofd?.offsetSource).toBe('carrier');
    expect(s.events[0]?.occurredAt).toBe('2016-12-07T00:00:00.000Z');
    expect(s.events[0]?.location).toBeNull();
    expect(ofd?.location).toEqual({ city: 'Berkeley', region: 'CA', postalCode: '94705', countryCode: 'US' });
  });

  it('reads the shipment facts', () => {
    expect(s.trackingNumber).toBe('9205590164917337534322');
    expect(s.underlyingCarrier).toBe('usps');
    expect(s.service).toBe('Priority Mail');
    expect(s.edd).toEqual({ date: '2016-12-08', windowStart: null, windowEnd: null });
    expect(s.origin).toEqual({ city: null, region: null, postalCode: null, countryCode: 'US' });
    expect(s.destination?.city).toBe('Berkeley');
    expect(s.carrierStatus).toEqual({
      code: 'DELIVERED',
      text: 'Your shipment has been delivered at the destination mailbox.',
    });
  });
});

describe('shippo: substatus codes', () => {
  it('the substatus decides within the status; delays keep the stage', () => {
    const s = only(
      track([
        entry('PRE_TRANSIT', 'information_received', 'Label created'),
        entry('TRANSIT', 'package_accepted', 'Accepted'),
        entry('TRANSIT', 'delayed', 'Running late'),
        entry('TRANSIT', 'delivery_attempted', 'Attempted'),
        entry('TRANSIT', 'location_inaccessible', 'Gate locked'),
        entry('TRANSIT', 'pickup_available', 'At the counter'),
        entry('FAILURE', 'package_lost', 'Lost'),
        entry('RETURNED', 'package_arrived', 'Arrived at facility'),
        entry('TRANSIT', 'other', 'Your package is out for delivery'),
      ]),
    );
    expect(s.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['information_received', 'info_received', 'label_created', true],
      ['package_accepted', 'in_transit', 'picked_up', true],
      ['delayed', 'in_transit', 'carrier_delay', true],
      ['delivery_attempted', 'attempt_failed', 'recipient_unavailable', true],
      ['location_inaccessible', 'attempt_failed', 'access_issue', true],
      ['pickup_available', 'available_for_pickup', 'at_pickup_point', true],
      ['package_lost', 'exception', 'lost', true],
      ['package_arrived', 'returning', 'return_to_sender', true],
      ['other', 'out_for_delivery', null, true],
    ]);
  });

  it('an unknown substatus is unmapped and takes the status of its stage; an unknown status its text', () => {
    const s = only(
      track([
        entry('DELIVERED', 'package_teleported', 'Beamed'),
        entry('LIMBO', null, 'Refused by recipient'),
      ]),
    );
    expect(s.events.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['package_teleported', 'delivered', false],
      ['LIMBO', 'exception', false],
    ]);
  });
});

describe('shippo: envelopes and single status nodes', () => {
  it('reads the track_updated webhook envelope', () => {
    const s = only({
      event: 'track_updated',
      test: true,
      data: track([entry('DELIVERED', 'delivered', 'Done')]),
    });
    expect(s.trackingNumber).toBe('1Z999AA10123456784');
    expect(s.underlyingCarrier).toBe('ups');
    expect(s.events[0]?.status).toBe('delivered');
  });

  it('a status without history gives one event from the status node', () => {
    const s = only({
      carrier: 'fedex',
      tracking_number: '123456789012',
      tracking_status: entry('TRANSIT', 'package_departed', 'Departed', '2024-03-02T08:15:30Z'),
      tracking_history: [],
    });
    expect(s.events.map((e) => [e.occurredAt, e.status, e.substatus])).toEqual([
      ['2024-03-02T08:15:30.000Z', 'in_transit', 'departed'],
    ]);
  });
});

describe('shippo: no tracking', () => {
  it('a 201 without status or history is a not_found for that number', () => {
    const result = map(
      readFixture('shippo_python_client/shippo/test_invalid_create.interaction1.response.json'),
    );
    expect(result.shipments).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'not_found', trackingNumber: 'EXAMPLEOFINVALID123TRACKINGNUMBER' }),
    ]);
  });

  it('error bodies are typed', () => {
    const bad = map(
      readFixture('shippo_python_client/shippo/test_invalid_get_status.interaction0.response.json'),
      400,
    );
    expect(bad.problems).toEqual([
      {
        kind: 'carrier_error',
        trackingNumber: null,
        code: '400',
        message: "Carrier with name 'EXAMPLE_OF_INVALID_CARRIER' is not supported.",
      },
    ]);
    expect(map({ detail: 'Not found.' }).problems[0]?.kind).toBe('not_found');
    expect(map({ detail: 'Request was throttled.' }, 429).problems[0]?.kind).toBe('retryable');
    expect(map({ tracking_number: ['This field is required.'] }, 400).problems[0]).toMatchObject({
      kind: 'carrier_error',
      message: 'tracking_number: This field is required.',
    });
  });

  it('malformed bodies never throw', () => {
    expect(map('{"carrier":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map({}).problems[0]?.kind).toBe('malformed');
    expect(
      map({ tracking_number: 'X1', tracking_history: [{}], tracking_status: {} }).shipments[0]?.skipped,
    ).toEqual([{ code: '', text: '', reason: 'no time given' }]);
  });
});
