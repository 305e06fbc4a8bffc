import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'active_shipping/usps/tracking_response_alt.xml': {
    eventCount: 1,
    reason:
      'The second event (NP "Origin Post is Preparing Shipment") has an empty EventDate and EventTime: it cannot be dated, so it is skipped and reported rather than stored at an invented time.',
  },
});

const map = (file: string) => mapPayload(adapter, { body: readFixture(file) });

describe('usps Web Tools XML', () => {
  it('keeps PM and the codes, and places domestic events in their state’s zone', () => {
    const s = map('active_shipping/usps/tracking_response.xml').shipments[0];
    expect(s?.events.map((e) => e.rawCode)).toEqual([
      'GX',
      'OA',
      '10',
      'EF',
      '10',
      'EF',
      '07',
      'PC',
      'OF',
      '01',
    ]);
    const wt = map('karrio/usps_wt/TRACKING_RESPONSE.xml').shipments[0];
    const pm = wt?.events.find((e) => e.occurredAtLocal.endsWith('10:45 pm'));
    expect(pm).toMatchObject({ occurredAtLocal: 'January 6, 2016 10:45 pm', offsetSource: 'location_zone' });
    expect(pm?.occurredAt).toBe('2016-01-07T03:45:00.000Z');
  });

  it('reads a batch: each number its events, the failed one a problem', () => {
    const r = map('active_shipping/usps/tracking_response_batch.xml');
    expect(r.shipments.length + r.problems.length).toBe(4);
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(p.trackingNumber).toBeTruthy();
  });

  it('errors are typed: unknown numbers not_found, request errors carrier_error', () => {
    expect(map('active_shipping/usps/tracking_response_failure.xml').problems[0]).toMatchObject({
      kind: 'not_found',
      code: '-2147219302',
      trackingNumber: '9102901000462189604217',
    });
    expect(map('active_shipping/usps/tracking_response_test_error.xml').problems[0]).toMatchObject({
      kind: 'carrier_error',
      code: '-2147219040',
    });
    expect(map('active_shipping/usps/invalid_xml_tracking_response_error.xml').problems[0]?.kind).toBe(
      'carrier_error',
    );
  });

  it('strips the markup USPS puts in service names', () => {
    expect(map('karrio/usps/TrackingResponse.json').shipments[0]?.service).toBe('USPS Ground Advantage');
  });
});

describe('usps Tracking v3 JSON', () => {
  it('uses the offset USPS gives beside each local time', () => {
    const s = map('karrio/usps/TrackingResponse.json').shipments[0];
    expect(s?.trackingNumber).toBe('9400109104250532908587');
    expect(s?.events.at(-1)).toMatchObject({
      rawCode: '01',
      occurredAt: '2024-11-22T18:58:00.000Z',
      utcOffsetMinutes: -300,
      offsetSource: 'carrier',
      status: 'delivered',
    });
    expect(s?.destination).toMatchObject({
      city: 'HERNANDO',
      region: 'FL',
      postalCode: '34442',
      countryCode: 'US',
    });
  });

  it('errors and broken bodies are typed problems', () => {
    expect(map('karrio/usps/AuthErrorResponse.json').problems[0]).toMatchObject({
      kind: 'carrier_error',
      code: 'invalid_client',
    });
    expect(map('karrio/usps/ErrorResponse.json').problems[0]?.kind).toBe('carrier_error');
    expect(mapPayload(adapter, { body: '{"trackingEvents": [' }).problems[0]?.kind).toBe('malformed');
  });

  it('an unknown code is read from its words and marked unmapped', () => {
    const body = JSON.stringify({
      trackingNumber: '9400109104250532908587',
      trackingEvents: [
        {
          eventCode: 'Q9',
          eventType: 'Out for Delivery',
          eventTimestamp: '2024-11-22T09:10:00',
          GMTOffset: '-05:00',
          eventState: 'FL',
        },
      ],
    });
    expect(mapPayload(adapter, { body }).shipments[0]?.events[0]).toMatchObject({
      rawCode: 'Q9',
      status: 'out_for_delivery',
      mapped: false,
    });
  });
});
