import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter);

describe('stamps_com', () => {
  it('reads USPS events through Stamps.com under the number asked for, in the place’s zone', () => {
    const r = mapPayload(adapter, {
      body: readFixture('active_shipping/stamps_usps/track_shipment_response.xml'),
      requested: ['9400110200881234567890'],
    });
    const s = r.shipments[0];
    expect(s).toMatchObject({ trackingNumber: '9400110200881234567890', underlyingCarrier: 'usps' });
    expect(s?.events.map((e) => [e.rawCode, e.rawText, e.status])).toEqual([
      ['ElectronicNotification', 'Electronic Notification', 'info_received'],
      ['Enroute', 'PROCESSED', 'in_transit'],
      ['Delivered', 'DELIVERED', 'delivered'],
    ]);
    // Fort Wayne, Indiana: Eastern time, no summer time in February.
    expect(s?.events[2]).toMatchObject({
      occurredAt: '2008-02-19T15:32:00.000Z',
      offsetSource: 'location_zone',
    });
  });

  it('a SOAP fault is a carrier error; a broken body is malformed', () => {
    const fault =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Invalid authenticator</faultstring></soap:Fault></soap:Body></soap:Envelope>';
    expect(mapPayload(adapter, { body: fault }).problems[0]).toMatchObject({
      kind: 'carrier_error',
      message: 'Invalid authenticator',
    });
    expect(mapPayload(adapter, { body: '<soap:Envelope>' }).problems[0]?.kind).toBe('malformed');
  });
});
