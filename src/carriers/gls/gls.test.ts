import { describe, expect, it } from 'vitest';
import { describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

// Both parcels map to in_transit with their two events (data received, then handed over to GLS); the
// error maps to not_found. No corrections.
describeFixtures(adapter, {});

const FILE = 'karrio/gls/TrackingResponse.json';
const fixture = () => JSON.parse(readFixture(FILE));
const map = (body: unknown) =>
  mapPayload(adapter, { body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('gls', () => {
  it('reads offsets written without a colon and sorts events oldest first', () => {
    const s = map(readFixture(FILE)).shipments[0];
    expect(s?.trackingNumber).toBe('36301917596');
    expect(s?.events).toEqual([
      {
        occurredAt: '2024-10-07T07:30:00.000Z',
        occurredAtLocal: '2024-10-07T09:30:00+0200',
        utcOffsetMinutes: 120,
        offsetSource: 'carrier',
        status: 'info_received',
        substatus: 'label_created',
        rawCode: 'INTIAL.PREADVICE',
        rawText: 'The parcel data was entered into the GLS IT system.',
        location: { city: null, region: null, postalCode: null, countryCode: 'DE' },
        mapped: true,
      },
      {
        occurredAt: '2024-10-07T08:46:14.000Z',
        occurredAtLocal: '2024-10-07T10:46:14+0200',
        utcOffsetMinutes: 120,
        offsetSource: 'carrier',
        status: 'in_transit',
        substatus: 'picked_up',
        rawCode: 'INTIAL.NORMAL',
        rawText: 'The parcel was handed over to GLS.',
        location: { city: 'Berlin', region: null, postalCode: '10437', countryCode: 'DE' },
        mapped: true,
      },
    ]);
    expect(s?.carrierStatus).toEqual({ code: 'INTRANSIT', text: 'INTRANSIT' });
  });

  it('gives unknown codes the status of their class, unmapped, raw code kept', () => {
    const body = fixture();
    body.parcels[0].events = [
      {
        code: 'INDELIVERY.NORMAL',
        description: 'Out with the driver',
        eventDateTime: '2024-10-08T08:00:00+0200',
      },
      {
        code: 'DELIVEREDPS.NORMAL',
        description: 'At the ParcelShop',
        eventDateTime: '2024-10-08T15:00:00+0200',
      },
      {
        code: 'NOTDELIVERED.NOTATHOME',
        description: 'Consignee absent',
        eventDateTime: '2024-10-08T12:00:00+0200',
      },
      { code: 'ODD.THING', description: 'Parcel damaged', eventDateTime: '2024-10-09T12:00:00+0200' },
    ];
    const s = map(body).shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.status, e.substatus, e.mapped])).toEqual([
      ['INDELIVERY.NORMAL', 'out_for_delivery', null, false],
      ['NOTDELIVERED.NOTATHOME', 'attempt_failed', null, false],
      ['DELIVEREDPS.NORMAL', 'available_for_pickup', 'at_pickup_point', false],
      ['ODD.THING', 'exception', 'unknown_problem', false],
    ]);
  });

  it('turns a parcel status with its time into the one event when there is no event list', () => {
    const body = fixture();
    body.parcels[0].events = [];
    body.parcels[0].status = 'DELIVERED';
    expect(map(body).shipments[0]?.events).toMatchObject([
      { rawCode: 'DELIVERED', status: 'delivered', mapped: true, occurredAt: '2024-10-11T13:24:57.000Z' },
    ]);
    delete body.parcels[0].statusDateTime;
    expect(map(body).shipments[0]?.events).toEqual([]);
  });

  it('maps several parcels and per-parcel errors in one answer', () => {
    const body = fixture();
    body.parcels.push({
      requested: '99999999999',
      errorCode: 'E_404_01',
      errorMessage: 'Resource Not Found',
    });
    body.parcels.push({ ...fixture().parcels[0], requested: '111', unitno: '222' });
    const r = map(body);
    expect(r.shipments.map((s) => s.trackingNumber)).toEqual(['36301917596', '222']);
    expect(r.problems).toEqual([
      { kind: 'not_found', code: 'E_404_01', trackingNumber: '99999999999', message: 'Resource Not Found' },
    ]);
  });

  it('types errors by the HTTP status in their code and reports bad bodies as malformed', () => {
    expect(map(readFixture('karrio/gls/ErrorResponse.json')).problems[0]).toMatchObject({
      kind: 'not_found',
      trackingNumber: '36301917596',
    });
    const err = (errorCode: string) =>
      map({ parcels: [{ requested: '1', errorCode, errorMessage: 'x' }] }).problems[0];
    expect(err('E_401_01')?.kind).toBe('carrier_error');
    expect(err('E_429_01')?.kind).toBe('retryable');
    expect(err('E_503_00')?.kind).toBe('retryable');
    expect(map({ errorCode: 'E_401_00', errorMessage: 'Unauthorized' }).problems[0]?.kind).toBe(
      'carrier_error',
    );
    expect(map('{"parcels":').problems[0]?.kind).toBe('malformed');
    expect(map({ data: [] }).problems[0]?.kind).toBe('malformed');
    expect(map({ parcels: [{ status: 'INTRANSIT' }] }).problems[0]?.kind).toBe('malformed');
  });
});
