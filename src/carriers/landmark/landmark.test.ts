import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';
import { landmarkPlace } from './place.js';

// Every Landmark fixture maps to the status and event count karrio expects ("pending" with events is
// info_received in wismo's vocabulary): no corrections.
describeFixtures(adapter, {});

const map = (file: string) => mapPayload(adapter, { body: readFixture(`karrio/landmark/${file}`) });

const response = (packages: string) =>
  `<?xml version="1.0"?><TrackResponse><Result><Success>true</Success><Packages>${packages}</Packages></Result></TrackResponse>`;
const pkg = (number: string, events: string) =>
  `<Package><TrackingNumber>RR1${number}</TrackingNumber><LandmarkTrackingNumber>${number}</LandmarkTrackingNumber><Events>${events}</Events></Package>`;
const event = (code: string, status: string, when: string, where: string) =>
  `<Event><Status>${status}</Status><DateTime>${when}</DateTime><Location>${where}</Location><EventCode>${code}</EventCode></Event>`;

describe('landmark', () => {
  it('reads 12-hour times with AM/PM in the zone of each event’s place', () => {
    const s = map('EARLY_STAGE_TRACKING_RESPONSE_XML.xml').shipments[0];
    expect(s?.events.at(-1)).toMatchObject({
      occurredAt: '2025-10-01T19:00:00.000Z',
      occurredAtLocal: '10/01/2025 12:00 PM',
      utcOffsetMinutes: -420,
      offsetSource: 'location_zone',
      rawCode: '100',
      rawText: 'Shipment information transmitted to carrier',
      location: { city: 'Los Angeles', region: 'CA', postalCode: null, countryCode: 'US' },
    });
    const d = map('DELIVERED_TRACKING_RESPONSE_XML.xml').shipments[0];
    expect(d?.events[1]).toMatchObject({
      occurredAt: '2025-09-26T15:40:00.000Z',
      occurredAtLocal: '09/26/2025 11:40 AM',
      utcOffsetMinutes: -240,
      location: { city: 'Montreal', region: 'QC', countryCode: 'CA' },
      substatus: 'customs_cleared',
    });
    expect(d?.events.at(-1)?.occurredAtLocal).toBe('09/27/2025 02:05 PM');
  });

  it('sorts newest-first lists oldest first and reads "City, ST" as a US place', () => {
    const s = map('TRACKING_RESPONSE_XML.xml').shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.occurredAt, e.offsetSource])).toEqual([
      ['200', '2025-09-30T15:45:00.000Z', 'location_zone'],
      ['250', '2025-10-01T15:02:00.000Z', 'assumed_utc'],
    ]);
    expect(s?.events[0]?.location).toEqual({
      city: 'Columbus',
      region: 'OH',
      postalCode: null,
      countryCode: 'US',
    });
  });

  it('keeps seconds, sorts around midnight, and places places without a country in UTC (assumed)', () => {
    const s = map('MIDNIGHT_TIME_SORTING_RESPONSE_XML.xml').shipments[0];
    const late = s?.events.slice(-3).map((e) => [e.occurredAtLocal, e.occurredAt, e.offsetSource]);
    expect(late).toEqual([
      ['2025-11-03 00:35:00', '2025-11-03T00:35:00.000Z', 'assumed_utc'],
      ['2025-11-03 01:35:00', '2025-11-03T01:35:00.000Z', 'assumed_utc'],
      ['2025-11-03 07:14:00', '2025-11-03T07:14:00.000Z', 'assumed_utc'],
    ]);
    expect(s?.events[1]?.occurredAt).toBe('2025-10-28T08:41:59.000Z');
    expect(s?.events.at(-2)?.rawText).toBe(
      'Your shipment has arrived at the postal operator of the country of destination and will be delivered in the coming days.',
    );
  });

  it('derives delivered for the multi-leg package although the delivery scan is earlier than the crossing scans', () => {
    const s = map('MULTI_LEG_DELIVERED_TRACKING_RESPONSE_XML.xml').shipments[0];
    expect(s?.events.map((e) => e.rawCode)).toEqual(['50', '225', '500', '125', '150', '155', '225']);
    expect(s && derivedStatus(s)).toBe('delivered');
  });

  it('maps failed deliveries and UK/continental places', () => {
    const f = map('DELIVERY_FAILED_TRACKING_RESPONSE_XML.xml').shipments[0];
    expect(f?.events.slice(-2).map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['400', 'attempt_failed', 'recipient_unavailable'],
      ['900', 'attempt_failed', null],
    ]);
    const o = map('OUT_FOR_DELIVERY_TRACKING_RESPONSE_XML.xml').shipments[0];
    expect(o?.events[0]).toMatchObject({
      occurredAt: '2025-09-29T05:20:00.000Z',
      utcOffsetMinutes: 60,
      location: { city: 'London', countryCode: 'GB' },
    });
  });

  it('parses Landmark place text', () => {
    expect(landmarkPlace('Berlin, DE')).toMatchObject({ city: 'Berlin', region: null, countryCode: 'DE' });
    expect(landmarkPlace('Los Angeles, CA')).toMatchObject({ region: 'CA', countryCode: 'US' });
    expect(landmarkPlace('Toronto, ON, CA')).toMatchObject({ region: 'ON', countryCode: 'CA' });
    expect(landmarkPlace('Feltham, SRY')).toMatchObject({ region: 'SRY', countryCode: null });
    expect(landmarkPlace('Machelen')).toMatchObject({ city: 'Machelen', countryCode: null });
    expect(landmarkPlace('')).toBeNull();
  });

  it('gives unknown codes the status of their stage, unmapped, with the code kept', () => {
    const body = response(
      pkg('LTN1000001N1', event('520', 'Delivered to parcel locker', '2025-10-02 10:00:00', 'Paris, FR')) +
        pkg('LTN1000002N1', '') +
        pkg('LTN1000003N1', event('275', 'In transit', 'yesterday', 'Paris, FR')),
    );
    const r = mapPayload(adapter, { body });
    expect(r.problems).toEqual([]);
    expect(r.shipments.map((s) => s.trackingNumber)).toEqual([
      'LTN1000001N1',
      'LTN1000002N1',
      'LTN1000003N1',
    ]);
    expect(r.shipments[0]?.events[0]).toMatchObject({ rawCode: '520', status: 'delivered', mapped: false });
    expect(r.shipments[1]?.events).toEqual([]);
    expect(r.shipments[2]?.skipped).toEqual([
      { code: '275', text: 'In transit', reason: 'unreadable time "yesterday"' },
    ]);
  });

  it('maps errors to typed problems and never throws', () => {
    expect(map('ERROR_RESPONSE_XML.xml').problems).toEqual([
      {
        kind: 'carrier_error',
        trackingNumber: null,
        code: 'Login',
        message: 'The username/password combination provided is invalid.',
      },
    ]);
    const missing =
      '<TrackResponse><Result><Success>false</Success></Result><Errors><Error><ErrorCode>Track</ErrorCode><ErrorMessage>No tracking information found for LTN1N1</ErrorMessage></Error></Errors></TrackResponse>';
    expect(mapPayload(adapter, { body: missing, requested: ['LTN1N1'] }).problems[0]).toMatchObject({
      kind: 'not_found',
      trackingNumber: 'LTN1N1',
    });
    expect(mapPayload(adapter, { body: response('') }).problems[0]?.kind).toBe('not_found');
    expect(mapPayload(adapter, { body: '<TrackResponse><Result>' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '<Other/>' }).problems[0]?.kind).toBe('malformed');
  });

  it('detects Landmark numbers by shape only', () => {
    expect(adapter.detect?.('LTN38570299N1')[0]).toMatchObject({ carrier: 'landmark', confidence: 0.7 });
    expect(adapter.detect?.('1Z999AA10123456784')).toEqual([]);
  });
});
