import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import type { TrackedShipment } from '../model.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// No corrections: karrio asserts only delivered=true for the one Delivered event; wismo agrees.
describeFixtures(adapter);

const map = (body: unknown, httpStatus?: number) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), httpStatus });
const only = (body: unknown): TrackedShipment => {
  const result = map(body);
  expect(result.problems).toEqual([]);
  expect(result.shipments).toHaveLength(1);
  return result.shipments[0] as TrackedShipment;
};
const event = (eventCode: string, eventTime: string, shipmentType = 'FORWARD') => ({
  eventCode,
  eventTime,
  shipmentType,
  location: { city: 'Seattle', stateOrRegion: 'WA', postalCode: '98109', countryCode: 'US' },
});

describe('amazon_shipping: tracking', () => {
  it('TrackingResponseJSON.json: one delivered event and the promised date', () => {
    const s = only(readFixture('karrio/amazon_shipping/TrackingResponseJSON.json'));
    expect(s.trackingNumber).toBe('89108749065090');
    expect(s.events).toEqual([
      {
        occurredAt: '2019-04-04T06:45:12.000Z',
        occurredAtLocal: '2019-04-04T06:45:12Z',
        utcOffsetMinutes: 0,
        offsetSource: 'carrier',
        status: 'delivered',
        substatus: null,
        rawCode: 'Delivered',
        rawText: 'Delivered',
        location: { city: 'San Bernardino', region: 'CA', postalCode: '92404', countryCode: 'US' },
        mapped: true,
      },
    ]);
    expect(s.edd).toEqual({ date: '2019-04-04', windowStart: null, windowEnd: null });
    expect(s.carrierStatus).toEqual({ code: 'Delivered', text: 'Delivered' });
  });

  it('v2 payload: event codes, and detail codes on the newest event of their status', () => {
    const s = only({
      payload: {
        trackingId: 'TBA123456789000',
        eventHistory: [
          event('ReadyForReceive', '2024-06-01T08:00:00Z'),
          event('PickupDone', '2024-06-01T15:10:00Z'),
          event('DeliveryAttempted', '2024-06-02T18:00:00Z'),
          event('OutForDelivery', '2024-06-03T07:45:00Z'),
          event('Delivered', '2024-06-03T12:05:33Z'),
          event('Teleported', '2024-06-03T12:10:00Z'),
        ],
        promisedDeliveryDate: '2024-06-03T23:59:59Z',
        summary: {
          status: 'Delivered',
          trackingDetailCodes: { forward: ['DeliveredToNeighbor'], returns: [] },
        },
      },
    });
    expect(s.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['ReadyForReceive', 'info_received', 'label_created', true],
      ['PickupDone', 'in_transit', 'picked_up', true],
      ['DeliveryAttempted', 'attempt_failed', null, true],
      ['OutForDelivery', 'out_for_delivery', null, true],
      ['Delivered', 'delivered', 'delivered_to_neighbour', true],
      ['Teleported', 'in_transit', null, false],
    ]);
    expect(s.events[4]?.occurredAt).toBe('2024-06-03T12:05:33.000Z');
  });

  it('events of the return leg are the way back; delivered there means returned', () => {
    const s = only({
      payload: {
        trackingId: 'TBA000000000001',
        eventHistory: [
          event('PickupDone', '2024-06-01T15:10:00Z'),
          event('Rejected', '2024-06-03T12:00:00Z'),
          event('ReturnInitiated', '2024-06-03T13:00:00Z', 'RETURNS'),
          event('Departed', '2024-06-04T09:00:00Z', 'RETURNS'),
          event('Delivered', '2024-06-06T10:00:00Z', 'RETURNS'),
        ],
        summary: { status: 'Rejected', trackingDetailCodes: { forward: ['IncorrectItems'], returns: [] } },
      },
    });
    expect(s.events.map((e) => [e.status, e.substatus])).toEqual([
      ['in_transit', 'picked_up'],
      ['exception', 'refused'],
      ['returning', 'return_to_sender'],
      ['returning', 'return_to_sender'],
      ['returned', 'return_to_sender'],
    ]);
    expect(derivedStatus(s)).toBe('returned');
  });

  it('a failed attempt takes the reason from the detail codes', () => {
    const s = only({
      payload: {
        trackingId: 'TBA000000000002',
        eventHistory: [event('DeliveryAttempted', '2024-06-02T18:00:00Z')],
        summary: { status: 'DeliveryAttempted', trackingDetailCodes: { forward: ['BusinessClosed'] } },
      },
    });
    expect(s.events[0]).toMatchObject({ status: 'attempt_failed', substatus: 'business_closed' });
  });
});

describe('amazon_shipping: errors', () => {
  it('gives one problem per error', () => {
    const result = map(readFixture('karrio/amazon_shipping/ErrorResponseJSON.json'));
    expect(result.shipments).toEqual([]);
    expect(result.problems).toEqual([
      {
        kind: 'carrier_error',
        code: 'incididunt qui',
        message: 'officia cillum ut: sint est',
        trackingNumber: null,
      },
      {
        kind: 'carrier_error',
        code: 'nostrud laboris ex culpa do',
        message: 'consequat quis ut minim voluptate: incididunt',
        trackingNumber: null,
      },
    ]);
    expect(map({ errors: [{ code: 'NotFound', message: 'Tracking not found' }] }).problems[0]?.kind).toBe(
      'not_found',
    );
    expect(map({ errors: [{ code: 'QuotaExceeded', message: 'slow down' }] }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map({ errors: [{ code: 'InternalFailure', message: 'oops' }] }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map({ errors: [{ code: 'Unauthorized', message: 'no' }] }, 403).problems[0]?.kind).toBe(
      'carrier_error',
    );
  });

  it('malformed bodies never throw', () => {
    expect(map('{"trackingId":').problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
    expect(map({ payload: {} }).problems[0]?.kind).toBe('malformed');
    expect(only({ trackingId: 'X1', eventHistory: [] }).events).toEqual([]);
  });
});
