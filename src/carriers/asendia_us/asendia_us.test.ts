import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/asendia_us/TrackingResponse.json': {
    status: 'delivered',
    reason:
      'The newest milestone is s10 "Delivered" at 2021-08-09T11:13:00+00:00, after s8 "Arrived at Destination Delivery Office"; karrio has no table for Asendia USA milestone codes (SOURCES.md lists every event without status) and falls back to in_transit.',
  },
});

const FILE = 'karrio/asendia_us/TrackingResponse.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown, extra: { requested?: string[]; httpStatus?: number } = {}) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });

describe('asendia_us', () => {
  it('sorts milestones oldest first and keeps sub-millisecond times and offsets', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.trackingNumber).toBe('RL924104146CH');
    expect(s?.events.map((e) => e.rawCode)).toEqual([
      's1',
      's2a',
      's2b',
      's4',
      's2c',
      's2d',
      's5',
      's7',
      's8',
      's10',
    ]);
    expect(s?.events[0]).toEqual({
      occurredAt: '2021-07-24T13:00:15.850Z',
      occurredAtLocal: '2021-07-24T13:00:15.85088+00:00',
      utcOffsetMinutes: 0,
      offsetSource: 'carrier',
      status: 'info_received',
      substatus: 'label_created',
      rawCode: 's1',
      rawText: 'Shipment Information Received',
      location: null,
      mapped: true,
    });
    expect(s?.events.find((e) => e.rawCode === 's2b')?.location).toEqual({
      city: 'Folcroft',
      region: 'PA',
      postalCode: '19032',
      countryCode: 'US',
    });
    expect(s?.events.at(-1)).toMatchObject({
      rawCode: 's10',
      status: 'delivered',
      occurredAt: '2021-08-09T11:13:00.000Z',
    });
  });

  it('gives an unknown step its milestone, and an unknown milestone its words', () => {
    const body = fixture();
    body.data[0].trackingMilestoneEvents = [
      { eventCode: 's2e', eventDescription: 'Relabelled', eventOn: '2021-07-30T10:00:00+00:00' },
      { eventCode: 's9', eventDescription: 'Out for Delivery', eventOn: '2021-08-09T07:00:00+00:00' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['s2e', 'in_transit', null, false],
      ['s9', 'out_for_delivery', null, false],
    ]);
  });

  it('maps several parcels and keeps one without milestones', () => {
    const body = fixture();
    body.data.push({ trackingNumberVendor: 'LX000000000US', trackingMilestoneEvents: [] });
    expect(map(body).shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([
      ['RL924104146CH', 10],
      ['LX000000000US', 0],
    ]);
  });

  it('types error bodies and reports bad bodies as malformed', () => {
    expect(
      map(readFixture('karrio/asendia_us/ErrorResponse.json'), { requested: ['RL924104146CH'] }).problems,
    ).toEqual([
      {
        kind: 'carrier_error',
        code: '401',
        trackingNumber: 'RL924104146CH',
        message: 'Authentication to the resource has been denied: incorrect username or password.',
      },
    ]);
    const notFound = map({
      data: [],
      responseStatus: { responseStatusCode: 404, responseStatusMessage: 'Not found' },
    });
    expect(notFound.problems[0]?.kind).toBe('not_found');
    const empty = map({ data: [], responseStatus: { responseStatusCode: 200 } }, { requested: ['RL1'] });
    expect(empty.problems).toEqual([
      {
        kind: 'not_found',
        code: null,
        trackingNumber: 'RL1',
        message: 'Asendia USA has no parcel for this number',
      },
    ]);
    expect(map({ responseStatusCode: 500, responseStatusMessage: 'oops' }).problems[0]?.kind).toBe(
      'retryable',
    );
    expect(map('{"data":[').problems[0]?.kind).toBe('malformed');
    expect(map({ responseStatus: { responseStatusCode: 200 } }).problems[0]?.kind).toBe('malformed');
  });
});
