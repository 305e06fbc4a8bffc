import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/hay_post/TrackingResponse.json': {
    status: 'info_received',
    reason:
      'The only state is stateId 1, recorded at 2024-06-10T08:59:20.5298, the second the order was created (order.createDate 08:59:21), with isVerified false and no transaction: the order is announced, HayPost does not have the parcel. karrio groups state 1 with in transit without a published state list.',
  },
});

const fixture = () => JSON.parse(readFixture('karrio/hay_post/TrackingResponse.json'));

describe('hay_post', () => {
  it('reads the state history in Armenia’s zone and the order facts', () => {
    const r = mapPayload(adapter, { body: readFixture('karrio/hay_post/TrackingResponse.json') });
    expect(r.problems).toEqual([]);
    const s = r.shipments[0];
    expect(s?.events).toEqual([
      {
        occurredAt: '2024-06-10T04:59:20.529Z',
        occurredAtLocal: '2024-06-10T08:59:20.5298',
        utcOffsetMinutes: 240,
        offsetSource: 'location_zone',
        status: 'info_received',
        substatus: 'label_created',
        rawCode: '1',
        rawText: '',
        location: null,
        mapped: true,
      },
    ]);
    expect(s).toMatchObject({
      trackingNumber: 'PAS105759416AM',
      service: 'Parcel',
      edd: null, // deliveryDate is the placeholder 0001-01-01
      destination: { city: 'Երևան', region: 'ԵՐԵՎԱՆ', postalCode: '0002', countryCode: 'AM' },
      origin: { city: 'ԿՈՏԱՅՔ', region: 'ԿՈՏԱՅՔ', postalCode: null, countryCode: 'AM' },
      carrierStatus: { code: '1', text: '' },
    });
  });

  it('maps later states, keeps unknown ones unmapped, sorts by time', () => {
    const body = fixture();
    body.orderStateHistories = [
      { stateId: 6, createDate: '2024-06-14T16:45:00' },
      { stateId: 12, createDate: '2024-06-12T10:00:00' },
      { stateId: 1, createDate: '2024-06-10T08:59:20.5298' },
    ];
    const events = mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0]?.events;
    expect(events?.map((e) => [e.rawCode, e.status, e.mapped])).toEqual([
      ['1', 'info_received', true],
      ['12', 'in_transit', false],
      ['6', 'delivered', true],
    ]);
    expect(events?.[2]?.occurredAt).toBe('2024-06-14T12:45:00.000Z');
  });

  it('keeps an order without history as a shipment without events; skips placeholder dates', () => {
    const body = fixture();
    body.orderStateHistories = [];
    expect(mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0]?.events).toEqual([]);
    body.orderStateHistories = [{ stateId: 2, createDate: '0001-01-01T00:00:00' }];
    expect(mapPayload(adapter, { body: JSON.stringify(body) }).shipments[0]?.skipped).toEqual([
      { code: '2', text: '', reason: 'implausible time "0001-01-01T00:00:00"' },
    ]);
  });

  it('maps error bodies and never throws on bad ones', () => {
    const notFound = JSON.stringify({ key: 'order_not_found', name: 'Order not found' });
    expect(mapPayload(adapter, { body: notFound, requested: ['PAS105759416AM'] }).problems).toEqual([
      {
        kind: 'not_found',
        trackingNumber: 'PAS105759416AM',
        code: 'order_not_found',
        message: 'Order not found',
      },
    ]);
    expect(
      mapPayload(adapter, { body: '[{"key":"invalid_token"}]', httpStatus: 401 }).problems[0],
    ).toMatchObject({
      kind: 'carrier_error',
      message: 'invalid token',
    });
    expect(mapPayload(adapter, { body: '{"order":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(adapter, { body: 'null' }).problems[0]?.kind).toBe('malformed');
  });
});
