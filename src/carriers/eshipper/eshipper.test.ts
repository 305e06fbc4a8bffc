import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// The fixture is eShipper's OpenAPI sample ("string" placeholders): delivered by its milestone flags, with
// one event, as EXPECTED says. No corrections.
describeFixtures(adapter, {});

const fixture = () => JSON.parse(readFixture('karrio/eshipper/TrackingResponse.json'))[0];
const event = (dateTime: string, description: string, location = 'Toronto, ON, CA', identifier = 'X') => ({
  dateTime,
  description,
  location,
  postalCode: 'M5V2T6',
  originalEvent: { name: description, identifier, eventDate: null, eventLocation: location },
});

describe('eshipper', () => {
  it('reads the sample: the original event date when dateTime is unreadable, the milestone on the newest event', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/eshipper/TrackingResponse.json') })
      .shipments[0];
    expect(s?.events).toEqual([
      {
        occurredAt: '2024-07-16T10:20:44.000Z',
        occurredAtLocal: '2024-07-16 10:20:44',
        utcOffsetMinutes: 0,
        offsetSource: 'assumed_utc',
        status: 'delivered',
        substatus: null,
        rawCode: 'string',
        rawText: 'string',
        location: { city: 'string', region: null, postalCode: 'string', countryCode: null },
        mapped: true,
      },
    ]);
    expect(s).toMatchObject({
      trackingNumber: 'STRING',
      edd: { date: '2024-07-16', windowStart: null, windowEnd: null },
      service: 'string',
      underlyingCarrier: null,
      carrierStatus: { code: 'delivered', text: 'string' },
    });
  });

  it('reads real events by their words in the place’s zone, names the underlying carrier', () => {
    const doc = {
      ...fixture(),
      trackingNumber: '1Z999AA10123456784',
      carrierName: 'UPS',
      carrierService: 'UPS Ground',
      currentStatus: 'Out For Delivery',
      shipmentStatus: {
        labelGenerated: true,
        reachedAtWarehouse: true,
        inTransit: true,
        delivered: false,
        exception: false,
      },
      event: [
        event('2024-07-16 08:05:00', 'Out For Delivery Today', 'Toronto, ON, CA'),
        event('2024-07-15 21:40:00', 'Arrived at Facility', 'Toronto, ON, CA'),
      ],
    };
    const s = mapPayload(adapter, { body: JSON.stringify([doc]) }).shipments[0];
    expect(s?.underlyingCarrier).toBe('ups');
    expect(s?.service).toBe('UPS Ground');
    expect(
      s?.events.map((e) => [e.rawText, e.status, e.substatus, e.mapped, e.occurredAt, e.offsetSource]),
    ).toEqual([
      ['Arrived at Facility', 'in_transit', 'arrived', false, '2024-07-16T01:40:00.000Z', 'location_zone'],
      [
        'Out For Delivery Today',
        'out_for_delivery',
        null,
        false,
        '2024-07-16T12:05:00.000Z',
        'location_zone',
      ],
    ]);
    expect(s?.carrierStatus).toEqual({ code: 'inTransit', text: 'Out For Delivery' });
    expect(s && derivedStatus(s)).toBe('out_for_delivery');
  });

  it('an event whose words say nothing takes the milestone; without events, the current status at its time', () => {
    const doc = {
      ...fixture(),
      trackingNumber: 'A1',
      shipmentStatus: {
        labelGenerated: true,
        reachedAtWarehouse: false,
        inTransit: false,
        delivered: false,
        exception: true,
      },
      event: [event('2024-07-15 09:00:00', 'Scan 42', 'Montreal, QC, CA', 'Z9')],
    };
    const quiet = {
      ...fixture(),
      trackingNumber: 'A2',
      event: [],
      eventTime: '2024-07-16T15:00:00-04:00',
      currentStatus: 'Delivered',
      shipmentStatus: {
        labelGenerated: true,
        reachedAtWarehouse: true,
        inTransit: true,
        delivered: true,
        exception: false,
      },
    };
    const none = { ...fixture(), trackingNumber: 'A3', event: [], eventTime: null };
    const r = mapPayload(adapter, { body: JSON.stringify([doc, quiet, none]) });
    expect(r.shipments[0]?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['Z9', 'exception', 'unknown_problem', true],
    ]);
    expect(r.shipments[1]?.events).toEqual([
      expect.objectContaining({
        rawCode: 'delivered',
        rawText: 'Delivered',
        status: 'delivered',
        occurredAt: '2024-07-16T19:00:00.000Z',
        utcOffsetMinutes: -240,
      }),
    ]);
    expect(r.shipments[2]?.events).toEqual([]);
  });

  it('a delivered milestone does not overwrite a return the newest event reports', () => {
    const doc = {
      ...fixture(),
      trackingNumber: 'A4',
      event: [
        event('2024-07-14 09:00:00', 'In transit', 'Montreal, QC, CA'),
        event('2024-07-16 09:00:00', 'Returned to sender', 'Montreal, QC, CA'),
      ],
    };
    const s = mapPayload(adapter, { body: JSON.stringify([doc]) }).shipments[0];
    expect(s?.events.map((e) => [e.status, e.mapped])).toEqual([
      ['in_transit', false],
      ['returning', false],
    ]);
  });

  it('reads error bodies and empty answers as typed problems, never throws', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/eshipper/ErrorResponse.json'), httpStatus: 400 })
        .problems,
    ).toEqual([{ kind: 'carrier_error', code: 'string', message: 'string', trackingNumber: null }]);
    expect(
      mapPayload(adapter, { body: '{"code":"404","message":"Tracking not found"}', requested: ['1Z1'] })
        .problems,
    ).toEqual([{ kind: 'not_found', code: '404', message: 'Tracking not found', trackingNumber: '1Z1' }]);
    expect(mapPayload(adapter, { body: '[]', requested: ['1Z1'] }).problems[0]).toMatchObject({
      kind: 'not_found',
      trackingNumber: '1Z1',
    });
    expect(
      mapPayload(adapter, { body: '{"code":"429","message":"Too many requests"}' }).problems[0]?.kind,
    ).toBe('retryable');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = mapPayload(adapter, { body: JSON.stringify(value) });
        return !r.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 200 },
    );
  });
});
