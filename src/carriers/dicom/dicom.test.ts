import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedStatus, describeFixtures, readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { mapPayload } from '../registry.js';
import { adapter } from './index.js';

describeFixtures(adapter, {
  'karrio/dicom/TrackingResponseJSON.json': {
    status: 'delivered',
    reason:
      'The one activity is code DL / group DL with status "Delivered" ("Shipper Release NSR", "Package did not need a signature.") and a POD image; karrio asserts no status only because it maps no Dicom codes.',
  },
});

const fixture = () => JSON.parse(readFixture('karrio/dicom/TrackingResponseJSON.json'));

describe('dicom', () => {
  it('reads activities: UTC instants, code and detail kept, the terminal as the place', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/dicom/TrackingResponseJSON.json') })
      .shipments[0];
    expect(s?.events).toEqual([
      {
        occurredAt: '2021-02-10T04:27:31.000Z',
        occurredAtLocal: '2021-02-10T04:27:31Z',
        utcOffsetMinutes: 0,
        offsetSource: 'carrier',
        status: 'delivered',
        substatus: null,
        rawCode: 'DL-NI',
        rawText: 'Shipper Release NSR - Package did not need a signature.',
        location: { city: 'MTL', region: null, postalCode: null, countryCode: null },
        mapped: true,
      },
    ]);
  });

  it('keeps the shipment facts: service, receiver from the POD image, pieces, addresses', () => {
    const s = mapPayload(adapter, { body: readFixture('karrio/dicom/TrackingResponseJSON.json') })
      .shipments[0];
    expect(s).toMatchObject({
      trackingNumber: 'W1234567',
      service: 'Ground',
      signedBy: 'Georges',
      pieces: 3,
      origin: { city: 'Montreal', region: 'QC', postalCode: 'H9P2T7', countryCode: 'CA' },
      destination: { city: 'Montreal', region: 'QC', postalCode: 'H9P2T7', countryCode: 'CA' },
      carrierStatus: { code: '0', text: '0' },
      edd: null,
    });
  });

  it('gives an unknown code the status its status word says, oldest first, several documents', () => {
    const doc = fixture();
    doc.activities = [
      {
        ...doc.activities[0],
        activityDate: '2021-02-10T14:00:00Z',
        code: 'OD',
        codeDetail: null,
        group: 'OD',
        status: 'Out for delivery',
        statusDetail: 'On truck',
      },
      {
        ...doc.activities[0],
        activityDate: '2021-02-09T22:00:00Z',
        code: 'PU',
        codeDetail: null,
        group: 'PU',
        status: 'Picked up',
        statusDetail: null,
        additionalInformation: null,
      },
    ];
    const other = { ...fixture(), trackingNumber: 'W7654321', activities: [] };
    const r = mapPayload(adapter, { body: JSON.stringify([doc, other]) });
    const s = r.shipments[0];
    expect(s?.events.map((e) => [e.rawCode, e.rawText, e.status, e.mapped])).toEqual([
      ['PU', 'Picked up', 'in_transit', false],
      ['OD', 'On truck - Package did not need a signature.', 'out_for_delivery', false],
    ]);
    expect(s && derivedStatus(s)).toBe('out_for_delivery');
    expect(r.shipments[1]).toMatchObject({ trackingNumber: 'W7654321', events: [] });
  });

  it('reads errors as typed problems and never throws', () => {
    expect(
      mapPayload(adapter, { body: readFixture('karrio/dicom/ErrorResponseJSON.json'), httpStatus: 401 })
        .problems,
    ).toEqual([
      {
        kind: 'carrier_error',
        code: null,
        message: 'Authorization has been denied for this request.',
        trackingNumber: null,
      },
    ]);
    expect(
      mapPayload(adapter, { body: '{"Message":"Shipment not found"}', requested: ['W1'] }).problems[0],
    ).toMatchObject({ kind: 'not_found', trackingNumber: 'W1' });
    expect(
      mapPayload(adapter, { body: '{"Message":"An error has occurred."}', httpStatus: 500 }).problems[0]
        ?.kind,
    ).toBe('retryable');
    expect(mapPayload(adapter, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(
      mapPayload(adapter, { body: '{"trackingNumber":"W1","activities":[{"activityDate":"soon"}]}' })
        .shipments[0]?.skipped,
    ).toEqual([{ code: '', text: '', reason: 'unreadable time "soon"' }]);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = mapPayload(adapter, { body: JSON.stringify(value) });
        return !r.problems.some((p) => p.code === 'mapper_exception');
      }),
      { numRuns: 200 },
    );
  });
});
