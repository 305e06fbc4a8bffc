import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/australiapost/TrackingResponse.json#1': {
    status: 'in_transit',
    eventCount: 8,
    reason:
      'ET123456789AU is a consignment whose article ET123456789AU lists 8 events under trackable_items[0].items[0].events (newest "Processed by air carrier" 2021-02-03T08:08:00+11:00); karrio only reads events of top-level articles, hence its 0 events. The status stays in_transit.',
  },
});

const FILE = 'karrio/australiapost/TrackingResponse.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown, extra: { requested?: string[]; httpStatus?: number } = {}) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });

describe('australiapost', () => {
  it('gives one shipment per tracking result, events oldest first with the offsets Australia Post writes', () => {
    const r = map(readFixture(FILE));
    expect(r.problems).toEqual([]);
    expect(r.shipments.map((s) => [s.trackingNumber, s.events.length, s.service, s.pieces])).toEqual([
      ['ET123456789AU', 8, 'International Express', 1],
      ['LX123456789US', 9, 'International', null],
      ['00123456789000123400', 10, 'International', null],
    ]);
    const lx = r.shipments[1];
    expect(lx?.carrierStatus).toEqual({ code: 'Delivered', text: 'Delivered' });
    expect(lx?.events[0]).toMatchObject({
      occurredAt: '2021-01-05T21:27:00.000Z',
      occurredAtLocal: '2021-01-06T08:27:00+11:00',
      utcOffsetMinutes: 660,
      offsetSource: 'carrier',
      status: 'in_transit',
      substatus: 'picked_up',
      rawCode: '',
      rawText: 'Received item from Sender (Outbound)',
      location: { city: null, region: null, postalCode: '60199', countryCode: 'US' },
      mapped: true,
    });
    expect(lx?.events.at(-1)).toMatchObject({
      status: 'delivered',
      substatus: 'delivered_to_safe_place',
      location: { city: 'KEW', region: 'VIC', countryCode: 'AU' },
    });
    expect(lx?.events[1]?.location).toEqual({
      city: 'CHICAGO',
      region: null,
      postalCode: null,
      countryCode: 'US',
    });
  });

  it('matches descriptions that end in a place by their leading words', () => {
    const lx = map(readFixture(FILE)).shipments[1];
    const transit = lx?.events.find((e) => e.rawText.startsWith('In transit to next facility in OAKLEIGH'));
    expect(transit).toMatchObject({
      status: 'in_transit',
      substatus: 'departed',
      mapped: true,
      location: null,
    });
    const nz = map(readFixture(FILE)).shipments[2];
    expect(nz?.events.map((e) => e.substatus)).toEqual([
      'label_created',
      'label_created',
      'in_transit',
      'departed',
      'customs_clearance',
      'customs_cleared',
      'arrived',
      null,
      null,
      null,
    ]);
    expect(nz?.events.find((e) => e.rawText === 'Arrived in New Zealand')?.location).toEqual({
      city: null,
      region: null,
      postalCode: null,
      countryCode: 'NZ',
    });
  });

  it('leaves unknown descriptions to their words, unmapped', () => {
    const body = fixture();
    body.tracking_results = [
      {
        tracking_id: '33XYZ000001',
        trackable_items: [
          {
            article_id: '33XYZ000001',
            events: [
              { description: 'Item returned - refused by addressee', date: '2021-03-02T10:00:00+10:00' },
              { description: 'Card left - Item being held at KEW PO', date: '2021-03-01T10:00:00+10:00' },
            ],
          },
        ],
      },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.status, e.substatus, e.mapped])).toEqual([
      ['available_for_pickup', 'held_at_facility', true],
      ['returning', 'return_to_sender', false],
    ]);
  });

  it('gives per-id and whole-request errors as typed problems', () => {
    expect(map(readFixture('karrio/australiapost/TrackingErrorResponse.json')).problems).toEqual([
      { kind: 'not_found', code: 'ESB-10001', trackingNumber: '7XX1000', message: 'Invalid tracking ID' },
    ]);
    expect(map(readFixture('karrio/australiapost/ErrorResponse.json')).problems).toEqual([
      {
        kind: 'carrier_error',
        code: '51101',
        trackingNumber: null,
        message: 'The request must contain 10 or less AP article ids, consignment ids, or barcode ids.',
      },
    ]);
    const limited = map({ errors: [{ code: '429', name: 'API_RATE_LIMIT_EXCEEDED' }] }, { httpStatus: 429 });
    expect(limited.problems[0]?.kind).toBe('retryable');
  });

  it('mixes shipments and failures of one request', () => {
    const body = fixture();
    body.tracking_results.push({
      tracking_id: 'XX1',
      errors: [{ code: 'ESB-10001', name: 'Invalid tracking ID' }],
    });
    const r = map(body);
    expect(r.shipments).toHaveLength(3);
    expect(r.problems.map((p) => [p.kind, p.trackingNumber])).toEqual([['not_found', 'XX1']]);
  });

  it('keeps an article without events, and reports bad bodies as malformed', () => {
    const s = map({ tracking_results: [{ tracking_id: 'AB1', status: 'Created', trackable_items: [] }] })
      .shipments[0];
    expect(s).toMatchObject({ trackingNumber: 'AB1', events: [], carrierStatus: { code: 'Created' } });
    expect(map('{"tracking_results":[').problems[0]?.kind).toBe('malformed');
    expect(map({ foo: 1 }).problems[0]?.kind).toBe('malformed');
    expect(map('null').problems[0]?.kind).toBe('malformed');
  });
});
