import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { parseXml } from '../support/parse.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/dpd/TrackingResponse.xml': {
    status: 'attempt_failed',
    reason:
      'The current entry (isCurrentStatus true) is ReturningFromDelivery at 8/19/2021 5:11:26 PM: "After an unsuccessful delivery attempt the parcel is back at the recipient depot." The parcel is not on a vehicle; karrio maps ReturningFromDelivery to out_for_delivery in its table (EXPECTED.json notes call this questionable).',
  },
});

const FILE = 'karrio/dpd/TrackingResponse.xml';
const envelope = (inner: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getTrackingDataResponse xmlns="http://dpd.com/common/service/types/ParcelLifeCycleService/2.0"><trackingresult>${inner}</trackingresult></getTrackingDataResponse></soap:Body></soap:Envelope>`;
const info = (status: string, date: string, reached = 'true', location = 'Mechelen (BE)') =>
  `<statusInfo><status>${status}</status><label><content>Label</content></label><description><content><content>About ${status}</content></content></description><statusHasBeenReached>${reached}</statusHasBeenReached><isCurrentStatus>false</isCurrentStatus><location><content>${location}</content></location><date><content>${date}</content></date></statusInfo>`;
const map = (body: string, requested?: string[]) => mapPayload(adapter, { body, requested });

describe('dpd', () => {
  it('reads 12-hour times with seconds in the zone of the depot', () => {
    const s = map(readFixture(FILE), ['05308801410058']).shipments[0];
    expect(s?.trackingNumber).toBe('05308801410058');
    expect(s?.events).toHaveLength(15);
    expect(s?.events[0]).toEqual({
      occurredAt: '2021-08-17T17:11:26.000Z',
      occurredAtLocal: '8/17/2021 7:11:26 PM',
      utcOffsetMinutes: 120,
      offsetSource: 'location_zone',
      status: 'in_transit',
      substatus: 'in_transit',
      rawCode: 'BetweenDepots',
      rawText: 'The parcel is at the parcel dispatch centre.',
      location: { city: 'Puurs', region: null, postalCode: null, countryCode: 'BE' },
      mapped: true,
    });
    // 4:09:55 AM stays in the morning, 2:43:31 PM in the afternoon.
    expect(s?.events[2]).toMatchObject({ occurredAt: '2021-08-18T02:09:55.000Z', rawCode: 'Depot' });
    expect(s?.events[5]).toMatchObject({
      occurredAt: '2021-08-18T12:43:31.000Z',
      occurredAtLocal: '8/18/2021 2:43:31 PM',
      rawCode: 'DeliveryFailure',
      status: 'attempt_failed',
      substatus: null,
    });
    expect(s?.events[4]).toMatchObject({
      location: { city: 'Aschaffenburg', countryCode: 'DE' },
      status: 'out_for_delivery',
    });
    expect(s?.events.at(-1)).toMatchObject({
      occurredAt: '2021-08-19T15:11:26.000Z',
      occurredAtLocal: '8/19/2021 5:11:26 PM',
      rawCode: 'ReturningFromDelivery',
      status: 'attempt_failed',
    });
    expect(s?.events.map((e) => e.status)).toContain('available_for_pickup');
    expect(s).toMatchObject({
      service: 'DPD PARCELSHOP DELIVERY',
      carrierStatus: { code: 'ReturningFromDelivery', text: 'Parcel out for delivery' },
    });
  });

  it('keeps the PM hours: read right, the instants come in the order DPD wrote the entries', () => {
    const xml = readFixture(FILE);
    const s = map(xml).shipments[0];
    const doc = parseXml(xml);
    const infos = doc.ok ? doc.value.Envelope.Body.getTrackingDataResponse.trackingresult.statusInfo : [];
    const written = infos.map((i: { status: string }) => i.status);
    expect(written).toHaveLength(15);
    expect(s?.events.map((e) => e.rawCode)).toEqual(written);
    expect(s?.trackingNumber).toBe('');
  });

  it('places German depot towns in Berlin time', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.events[4]).toMatchObject({
      occurredAt: '2021-08-18T08:14:00.000Z',
      utcOffsetMinutes: 120,
      offsetSource: 'location_zone',
      location: { city: 'Aschaffenburg', countryCode: 'DE' },
    });
  });

  it('leaves steps not yet reached out, and unknown codes to their words', () => {
    const s = map(
      envelope(
        info('Depot', '3/1/2024 8:05:00 AM') +
          info('Vanished', '3/1/2024 9:00:00 AM') +
          info('Delivered', '', 'false') +
          info('Courier', 'tomorrow'),
      ),
    ).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.mapped, e.occurredAt])).toEqual([
      ['Depot', 'in_transit', true, '2024-03-01T07:05:00.000Z'],
      ['Vanished', 'in_transit', false, '2024-03-01T08:00:00.000Z'],
    ]);
    expect(s?.skipped).toEqual([
      { code: 'Courier', text: 'About Courier', reason: 'unreadable time "tomorrow"' },
    ]);
  });

  it('keeps a parcel without events', () => {
    const s = map(envelope('<shipmentInfo><status>SHIPMENT</status></shipmentInfo>'), ['01234567890123'])
      .shipments[0];
    expect(s).toMatchObject({ trackingNumber: '01234567890123', events: [], carrierStatus: null });
  });

  it('types SOAP faults and reports broken XML as malformed', () => {
    expect(map(readFixture('karrio/dpd/ErrorResponse.xml'), ['05308801410058']).problems).toEqual([
      {
        kind: 'carrier_error',
        code: 'DELICOM_ERR_AUTHENTICATION',
        trackingNumber: '05308801410058',
        message: 'Authentication failure, check delisId and password.',
      },
    ]);
    const faultXml = (code: string, message: string) =>
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Fault occured</faultstring><detail><ns:faults xmlns:ns="x"><errorCode>${code}</errorCode><errorMessage>${message}</errorMessage></ns:faults></detail></soap:Fault></soap:Body></soap:Envelope>`;
    expect(map(faultXml('COMMON_5', 'Parcel not found')).problems[0]?.kind).toBe('not_found');
    expect(map(faultXml('COMMON_9', 'Service temporarily unavailable')).problems[0]?.kind).toBe('retryable');
    expect(map('<soap:Envelope><soap:Body>').problems[0]?.kind).toBe('malformed');
    expect(map('{"a":1}').problems[0]?.kind).toBe('malformed');
    expect(map('<a/>').problems[0]?.kind).toBe('malformed');
  });
});
