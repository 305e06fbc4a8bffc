import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'active_shipping/ups/example_tracking_response.xml': {
    status: null,
    eventCount: 0,
    reason:
      'The only activity has no Date or Time (a documentation sample with status type XX): an event wismo cannot date is skipped and reported, not stored.',
  },
  'karrio/ups/TrackingResponseJSON.json': {
    status: 'in_transit',
    reason:
      'The one activity is SR "Your package was released by the customs agency": UPS files it under type X, which karrio reads as on hold, but a customs release is progress.',
  },
});

const map = (file: string) => mapPayload(adapter, { body: readFixture(file) });

describe('ups XML (Tracking API)', () => {
  it('places local times in the activity’s zone, keeps seconds and codes, and reads the facts', () => {
    const s = map('active_shipping/ups/shipment_from_tiger_direct.xml').shipments[0];
    expect(s?.events.map((e) => e.rawCode)).toEqual(['MP', 'IP', 'LC', 'LC', 'DP', 'AR', 'DS', 'KB']);
    const delivered = s?.events.at(-1);
    expect(delivered).toMatchObject({
      status: 'delivered',
      occurredAtLocal: '20080625 111900',
      offsetSource: 'location_zone',
    });
    const ofd = s?.events.at(-2);
    expect(ofd).toMatchObject({ rawCode: 'DS', rawText: 'OUT FOR DELIVERY', status: 'out_for_delivery' });
  });

  it('marks a time as assumed UTC where the place’s zone is not certain (Texas spans two zones)', () => {
    const s = map('active_shipping/ups/out_for_delivery_shipment.xml').shipments[0];
    expect(s?.events.at(-1)).toMatchObject({
      rawCode: 'DS',
      occurredAt: '2012-05-10T04:34:00.000Z',
      occurredAtLocal: '20120510 043400',
      offsetSource: 'assumed_utc',
      status: 'out_for_delivery',
    });
    expect(s).toMatchObject({
      service: 'GROUND',
      edd: { date: '2012-05-10' },
      destination: { city: 'CYPRESS', region: 'TX', countryCode: 'US' },
    });
  });

  it('a failed attempt and a delay are what they say; a refund after delivery leaves it delivered', () => {
    const rescheduled = map('active_shipping/ups/rescheduled_shipment.xml').shipments[0];
    expect(rescheduled?.events.find((e) => e.rawCode === '48')).toMatchObject({
      status: 'attempt_failed',
      substatus: 'recipient_unavailable',
    });
    const refund = map('active_shipping/ups/delivered_shipment_with_refund.xml').shipments[0];
    expect(refund?.events.find((e) => e.rawCode === '2Y')).toMatchObject({
      status: 'in_transit',
      substatus: 'carrier_delay',
    });
    expect(refund?.events.at(-1)).toMatchObject({ rawCode: 'DM', status: 'exception' });
  });

  it('an unknown activity code takes its status type’s class and is marked unmapped', () => {
    const body = readFixture('active_shipping/ups/out_for_delivery_shipment.xml')
      .replace('<Code>DS</Code>', '<Code>ZQ</Code>')
      .replace('OUT FOR DELIVERY', 'SOMETHING NEW');
    const e = mapPayload(adapter, { body }).shipments[0]?.events.at(-1);
    expect(e).toMatchObject({ rawCode: 'ZQ', status: 'in_transit', mapped: false });
  });

  it('an answer without activities is a shipment with no events', () => {
    const r = map('active_shipping/ups/no_status_node_success.xml');
    expect(r.shipments).toHaveLength(1);
    expect(r.shipments[0]).toMatchObject({
      trackingNumber: '1Z5FX0076803466397',
      service: 'UPS SUREPOST',
      events: [],
    });
  });

  it('error responses are typed problems; broken XML is malformed', () => {
    const notFound = `<?xml version="1.0"?><TrackResponse><Response><ResponseStatusCode>0</ResponseStatusCode><Error><ErrorSeverity>Hard</ErrorSeverity><ErrorCode>151018</ErrorCode><ErrorDescription>Invalid tracking number</ErrorDescription></Error></Response></TrackResponse>`;
    expect(mapPayload(adapter, { body: notFound, requested: ['1Z9'] }).problems).toEqual([
      { kind: 'not_found', code: '151018', message: 'Invalid tracking number', trackingNumber: '1Z9' },
    ]);
    expect(mapPayload(adapter, { body: '<TrackResponse><Response>' }).problems[0]?.kind).toBe('malformed');
  });
});

describe('ups JSON (Track API)', () => {
  it('reads the delivered package with its estimate and facts', () => {
    const s = map('karrio/ups/schemas/tracking_response.json').shipments[0];
    expect(s).toMatchObject({ trackingNumber: '1Z1442YY7229014688', pieces: 1, edd: null, signedBy: null });
    expect(s?.events.map((e) => [e.rawCode, e.status, e.occurredAt])).toEqual([
      // No town for the label event: assumed UTC. Paramus, NJ is Eastern time.
      ['MP', 'info_received', '2022-01-26T15:16:41.000Z'],
      ['F4', 'delivered', '2022-01-26T21:30:00.000Z'],
    ]);
  });

  it('not found, bad credentials and a bad number are typed problems', () => {
    expect(map('karrio/ups/TrackingNumberNotFoundResponseJSON.json').problems[0]).toMatchObject({
      kind: 'not_found',
      code: 'TW0001',
    });
    expect(map('karrio/ups/AuthError.json').problems[0]).toMatchObject({
      kind: 'carrier_error',
      code: '250003',
    });
    expect(map('karrio/ups/InvalidTrackingNumberResponseJSON.json').problems[0]).toMatchObject({
      kind: 'not_found',
      code: 'TV1002',
    });
    expect(mapPayload(adapter, { body: '{"trackResponse":' }).problems[0]?.kind).toBe('malformed');
  });
});

describe('ups Track Alert pushes', () => {
  const push = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      trackingNumber: ' 1Z204W4R0308071865',
      localActivityDate: '20240423',
      localActivityTime: '095004',
      gmtActivityDate: '20240423',
      gmtActivityTime: '135004',
      activityLocation: { city: 'CHARLOTTE', stateProvince: 'NC', postalCode: '28209', country: 'US' },
      activityStatus: { type: 'D', code: 'FS', description: 'Delivered', descriptionCode: '011' },
      scheduledDeliveryDate: '',
      actualDeliveryDate: '20240423',
      actualDeliveryTime: '095004',
      deliveryStartTime: '',
      deliveryEndTime: '',
      ...over,
    });

  it('is one activity of one package, its offset the difference between the local and GMT clocks', () => {
    const r = mapPayload(adapter, { body: push() });
    expect(r.problems).toEqual([]);
    expect(r.shipments).toHaveLength(1);
    const s = r.shipments[0];
    expect(s?.trackingNumber).toBe('1Z204W4R0308071865');
    expect(s?.events).toMatchObject([
      {
        occurredAt: '2024-04-23T13:50:04.000Z',
        utcOffsetMinutes: -240,
        offsetSource: 'carrier',
        status: 'delivered',
        rawCode: 'FS',
        location: { city: 'CHARLOTTE', region: 'NC', countryCode: 'US' },
      },
    ]);
  });

  it('keeps the scheduled date and window; without GMT the place’s zone is used', () => {
    const r = mapPayload(adapter, {
      body: push({
        localActivityTime: '063000',
        gmtActivityDate: '',
        gmtActivityTime: '',
        activityStatus: { type: 'I', code: 'OT', description: 'Out For Delivery Today' },
        scheduledDeliveryDate: '20240423',
        deliveryStartTime: '120000',
        deliveryEndTime: '160000',
        actualDeliveryDate: '',
        actualDeliveryTime: '',
      }),
    });
    const s = r.shipments[0];
    expect(s?.events[0]).toMatchObject({ status: 'out_for_delivery', offsetSource: 'location_zone' });
    expect(s?.edd).toEqual({
      date: '2024-04-23',
      windowStart: '2024-04-23T16:00:00.000Z',
      windowEnd: '2024-04-23T20:00:00.000Z',
    });
  });

  it('a push without a time is kept as skipped, not invented', () => {
    const r = mapPayload(adapter, { body: push({ localActivityTime: '' }) });
    expect(r.shipments[0]?.events).toEqual([]);
    expect(r.shipments[0]?.skipped).toHaveLength(1);
  });
});
