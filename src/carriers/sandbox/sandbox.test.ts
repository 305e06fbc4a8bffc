import { describe, expect, it } from 'vitest';
import { mapPayload } from '../registry.js';
import { isValidSandboxNumber, sandboxTrackingNumber } from './format.js';
import { adapter as sandbox } from './index.js';

const number = sandboxTrackingNumber(1);
const doc = {
  trackingNumber: number,
  service: 'Sandbox Ground',
  estimatedDelivery: '2026-11-25',
  destination: { city: 'Lyon', countryCode: 'FR' },
  events: [
    { code: 'LC', description: 'Label created', occurredAt: '2026-11-22T09:00:00+01:00' },
    {
      code: 'PU',
      description: 'Picked up',
      occurredAt: '2026-11-22T15:30:00+01:00',
      location: { city: 'Paris', countryCode: 'FR' },
    },
    { code: 'ZZ', description: 'Arrived at hub', occurredAt: '2026-11-23T01:00:00+01:00' },
  ],
};

describe('sandbox carrier', () => {
  it('numbers carry a Luhn check digit', () => {
    expect(number).toMatch(/^SBX\d{12}$/);
    expect(isValidSandboxNumber(number)).toBe(true);
    expect(isValidSandboxNumber(`${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`)).toBe(false);
    expect(sandbox.detect?.(number)[0]).toMatchObject({ carrier: 'sandbox', confidence: 0.99 });
  });

  it('maps a document: UTC instants with the offset kept, EDD, unknown codes from their text', () => {
    const result = sandbox.map({ body: JSON.stringify(doc) });
    expect(result.problems).toEqual([]);
    const s = result.shipments[0];
    expect(s?.edd).toEqual({ date: '2026-11-25', windowStart: null, windowEnd: null });
    expect(s?.events.map((e) => [e.occurredAt, e.utcOffsetMinutes, e.status, e.substatus, e.mapped])).toEqual(
      [
        ['2026-11-22T08:00:00.000Z', 60, 'info_received', 'label_created', true],
        ['2026-11-22T14:30:00.000Z', 60, 'in_transit', 'picked_up', true],
        ['2026-11-23T00:00:00.000Z', 60, 'in_transit', 'arrived', false],
      ],
    );
  });

  it('reads a webhook envelope the same way', () => {
    const result = sandbox.map({ body: JSON.stringify({ type: 'tracking.updated', data: doc }) });
    expect(result.shipments[0]?.events).toHaveLength(3);
  });

  it('gives typed problems for errors and bad bodies, never an exception', () => {
    expect(
      sandbox.map({ body: '{"error":{"code":"not_found","message":"no such parcel"}}' }).problems[0]?.kind,
    ).toBe('not_found');
    expect(
      sandbox.map({ body: '{"error":{"code":"rate_limited","message":"slow down"}}' }).problems[0]?.kind,
    ).toBe('retryable');
    expect(mapPayload(sandbox, { body: '{"trackingNumber":' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(sandbox, { body: '{}' }).problems[0]?.kind).toBe('malformed');
    expect(mapPayload(sandbox, { body: 'null' }).problems[0]?.kind).toBe('malformed');
  });

  it('skips events with placeholder dates and says why', () => {
    const bad = {
      ...doc,
      events: [
        { code: 'PU', description: 'x', occurredAt: '1970-01-01T00:00:00Z' },
        { code: 'DV', description: 'y', occurredAt: 'soon' },
      ],
    };
    const s = sandbox.map({ body: JSON.stringify(bad) }).shipments[0];
    expect(s?.events).toEqual([]);
    expect(s?.skipped.map((k) => k.reason)).toEqual([
      'implausible time "1970-01-01T00:00:00Z"',
      'unreadable time "soon"',
    ]);
  });
});
