import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The Sendle fixture maps to delivered with its nine events, the error to not_found: no corrections.
describeFixtures(adapter, {});

const fixture = () => JSON.parse(readFixture('karrio/sendle/TrackingResponse.json'));

describe('sendle', () => {
  it('takes the instant from scan_time and keeps display_time’s local offset when it agrees', () => {
    const r = mapPayload(adapter, {
      body: readFixture('karrio/sendle/TrackingResponse.json'),
      requested: ['S34WER4S'],
    });
    const s = r.shipments[0];
    expect(s?.trackingNumber).toBe('S34WER4S');
    expect(s?.events[2]).toMatchObject({
      occurredAt: '2023-04-04T20:55:00.000Z',
      occurredAtLocal: '2023-04-04T16:55:00-04:00',
      utcOffsetMinutes: -240,
      offsetSource: 'carrier',
      rawCode: 'In Transit',
      location: { city: 'TEANECK', region: 'NJ', postalCode: null, countryCode: 'US' },
    });
    // local_scan_time says 22:43 here as well, which is the UTC time: the instant stays scan_time's.
    expect(s?.events[3]).toMatchObject({ occurredAt: '2023-04-04T22:43:00.000Z', utcOffsetMinutes: 0 });
    expect(s?.events[0]).toMatchObject({
      rawCode: 'Pickup Attempted',
      status: 'info_received',
      rawText: 'We attempted to pick up the parcel but were unsuccessful - Parcel not ready',
      location: null,
    });
    expect(s).toMatchObject({
      origin: { countryCode: 'US' },
      destination: { countryCode: 'US' },
      edd: null,
      carrierStatus: { code: 'Delivered', text: 'Your package has been delivered to your mailbox!' },
    });
  });

  it('uses a display_time that disagrees with scan_time only as text, never as the instant', () => {
    const body = fixture();
    body.tracking_events = [
      {
        event_type: 'In Transit',
        scan_time: '2023-04-04T20:55:00Z',
        display_time: '2023-04-04T20:55:00-04:00',
      },
    ];
    expect(mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0]?.events[0]).toMatchObject({
      occurredAt: '2023-04-04T20:55:00.000Z',
      occurredAtLocal: '2023-04-04T20:55:00Z',
    });
  });

  it('reads estimates, location_data, unknown and Info events (unmapped, from their text)', () => {
    const body = fixture();
    body.scheduling.estimated_delivery_date_minimum = '2023-04-06';
    body.scheduling.estimated_delivery_date_maximum = '2023-04-07';
    body.tracking_events = [
      {
        event_type: 'Info',
        scan_time: '2023-04-05T01:00:00Z',
        description: 'Delivery delayed by weather',
        location_data: { suburb: 'Sydney', state: 'NSW', postcode: '2000', country: 'AU' },
      },
      { event_type: 'Left with Agent', scan_time: '2023-04-06T01:00:00Z', description: 'At the newsagent' },
    ];
    const s = mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0];
    expect(s?.edd).toEqual({ date: '2023-04-07', windowStart: null, windowEnd: null });
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['Info', 'in_transit', 'carrier_delay', false],
      ['Left with Agent', 'available_for_pickup', 'at_pickup_point', true],
    ]);
    expect(s?.events[0]?.location).toEqual({
      city: 'Sydney',
      region: 'NSW',
      postalCode: '2000',
      countryCode: 'AU',
    });
  });

  it('turns a state without events into one event, and keeps an answer with neither empty', () => {
    const body = fixture();
    body.tracking_events = [];
    expect(mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0]?.events).toMatchObject([
      {
        rawCode: 'Delivered',
        status: 'delivered',
        occurredAt: '2023-04-05T18:56:00.000Z',
        offsetSource: 'carrier',
      },
    ]);
    body.status = { description: 'Booked' };
    expect(mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0]?.events).toEqual([]);
  });

  it('reads a webhook event with its reference', () => {
    const hook = {
      sendle_reference: 'SAMPLE1',
      event_id: 'd72ef987-6699-4f01-b3a2-7292048c2a46',
      description: 'Parcel has been dropped off',
      event_type: 'Dropped off',
      location_data: { suburb: 'Eugene', state: 'OR', postcode: '97405', country: 'US' },
      scan_time: '2026-05-25T21:21:05Z',
    };
    const s = mapPayload(adapter, { body: JSON.stringify(hook) }).shipments[0];
    expect(s?.trackingNumber).toBe('SAMPLE1');
    expect(s?.events[0]).toMatchObject({ substatus: 'dropped_off', occurredAt: '2026-05-25T21:21:05.000Z' });
  });

  it('maps errors to typed problems and never throws', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/sendle/ErrorResponse.json'), requested: ['S34WER4S'] })
        .problems,
    ).toEqual([
      {
        kind: 'not_found',
        trackingNumber: 'S34WER4S',
        code: 'not_found',
        message: 'The resource you requested was not found. Please check the URI and try again.',
      },
    ]);
    expect(mapPayload(adapter, { body: '{"error":"too_many_requests"}' }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(
      mapPayload(adapter, { body: '{"error":"unauthorised","error_description":"x"}' }).problems[0]?.kind,
    ).toBe('carrier_error');
    expect(mapPayload(adapter, { body: '{"state":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
  });
});
