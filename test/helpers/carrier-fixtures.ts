import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CarrierAdapter } from '../../src/carriers/adapter.js';
import type { MapResult, TrackedShipment } from '../../src/carriers/model.js';
import { mapPayload } from '../../src/carriers/registry.js';
import type { ShipmentStatus } from '../../src/domain/status.js';
import { deriveShipment } from '../../src/tracking/derive.js';

// The real carrier payloads of ../shared/fixtures/carriers, and what their sources say they mean
// (EXPECTED.json). Each carrier's test calls describeFixtures() for the files it owns; where wismo's answer
// differs from the source's, the carrier's test states the corrected expectation and why.

export const FIXTURES_DIR = resolve(
  process.env.WISMO_CARRIER_FIXTURES ?? join(import.meta.dirname, '../../../shared/fixtures/carriers'),
);

export interface ExpectedEntry {
  file: string;
  carrier: string;
  kind: 'poll' | 'webhook';
  tracking_number: string | null;
  expected_final_status: string | null;
  expected_event_count: number | null;
  notes: string;
  source_status: string;
  evidence: string;
}

export const EXPECTED: ExpectedEntry[] = JSON.parse(
  readFileSync(join(FIXTURES_DIR, 'EXPECTED.json'), 'utf8'),
);

/** Which wismo adapter reads which fixture folder. Every fixture file must have an owner (a test checks). */
export const FIXTURE_OWNERS: Record<string, string> = {
  'active_shipping/canadapost/': 'canadapost',
  'active_shipping/fedex/': 'fedex',
  'active_shipping/stamps_usps/': 'stamps_com',
  'active_shipping/ups/': 'ups',
  'active_shipping/usps/': 'usps',
  'aftership_sdk_java/': 'aftership',
  'easypost_examples/': 'easypost',
  'py17track/': 'seventeentrack',
  'shippo_python_client/': 'shippo',
  'karrio/dhl_universal/': 'dhl_unified',
  'karrio/dpdhl/': 'dhl_parcel_de',
  'karrio/fedex_ws/': 'fedex',
  'karrio/mydhl/': 'dhl_express',
  'karrio/usps_wt/': 'usps',
};

export function ownerOf(file: string): string | null {
  const prefix = Object.keys(FIXTURE_OWNERS)
    .filter((p) => file.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix) return FIXTURE_OWNERS[prefix] as string;
  const karrio = /^karrio\/([a-z0-9_]+)\//.exec(file);
  return karrio ? (karrio[1] as string) : null;
}

/**
 * EXPECTED.json speaks karrio's TrackingStatus vocabulary; this is the one table from it to ours.
 * `pending` there means "known to the carrier, not moving yet": info_received once there are events.
 */
export function translateExpected(status: string | null, eventCount: number): ShipmentStatus | null {
  switch (status) {
    case null:
      return null;
    case 'pending':
      return eventCount > 0 ? 'info_received' : 'pending';
    case 'picked_up':
    case 'in_transit':
    case 'delivery_delayed':
      return 'in_transit';
    case 'out_for_delivery':
      return 'out_for_delivery';
    case 'ready_for_pickup':
      return 'available_for_pickup';
    case 'on_hold':
      return 'exception';
    case 'delivery_failed':
      return 'attempt_failed';
    case 'delivered':
      return 'delivered';
    case 'return_to_sender':
      return 'returning';
    case 'cancelled':
      return 'cancelled';
    case 'unknown':
      return 'pending';
    default:
      throw new Error(`EXPECTED.json status ${status} has no translation`);
  }
}

export interface Correction {
  /** wismo's status for this entry; null = the payload gives no tracking (a problem, or no events). */
  status?: ShipmentStatus | null;
  eventCount?: number;
  /** Why wismo's answer differs from the source's. Required: a correction without a reason is a guess. */
  reason: string;
}

export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

/** The key a correction is filed under: the file, plus "#n" (0-based) when EXPECTED lists it several times. */
export function entryKey(entry: ExpectedEntry): string {
  const same = EXPECTED.filter((e) => e.file === entry.file);
  return same.length > 1 ? `${entry.file}#${same.indexOf(entry)}` : entry.file;
}

/** The shipment an entry is about: by tracking number, the n-th with that number when several share it. */
export function shipmentFor(entry: ExpectedEntry, result: MapResult): TrackedShipment | undefined {
  const normalized = entry.tracking_number?.replace(/[\s-]+/g, '').toUpperCase();
  const same = EXPECTED.filter((e) => e.file === entry.file && e.tracking_number === entry.tracking_number);
  const candidates = result.shipments.filter((s) => !normalized || s.trackingNumber === normalized);
  const pick =
    candidates[same.indexOf(entry)] ??
    (result.shipments.length === 1 && same.length === 1 ? result.shipments[0] : undefined);
  return pick;
}

export function derivedStatus(shipment: TrackedShipment): ShipmentStatus {
  return deriveShipment(
    shipment.events.map((e, i) => ({
      key: `${i}`,
      occurredAt: e.occurredAt,
      status: e.status,
      substatus: e.substatus,
      rawCode: e.rawCode,
      rawText: e.rawText,
      location: e.location,
    })),
  ).status;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * One test per EXPECTED.json entry owned by this adapter: the payload maps without throwing, the final
 * status (derived from the events, as the service does) and the event count match, and every event has a
 * UTC instant and keeps the carrier's code or text.
 */
export function describeFixtures(
  adapter: CarrierAdapter,
  corrections: Record<string, Correction> = {},
): void {
  const entries = EXPECTED.filter((e) => ownerOf(e.file) === adapter.code);
  describe(`${adapter.code}: real payloads`, () => {
    it('owns at least one fixture', () => {
      expect(entries.length).toBeGreaterThan(0);
    });
    for (const key of Object.keys(corrections)) {
      it(`correction ${key} names an entry of this carrier and gives a reason`, () => {
        expect(entries.map(entryKey)).toContain(key);
        expect(corrections[key]?.reason.length).toBeGreaterThan(20);
      });
    }
    for (const entry of entries) {
      const key = entryKey(entry);
      it(`${key} (${entry.tracking_number ?? 'no number'})`, () => {
        const result = mapPayload(adapter, { body: readFixture(entry.file) });
        for (const p of result.problems) expect(p.code, p.message).not.toBe('mapper_exception');
        const correction = corrections[key];
        const expectedCount = correction?.eventCount ?? entry.expected_event_count;
        const expectedStatus =
          correction && 'status' in correction
            ? (correction.status ?? null)
            : translateExpected(entry.expected_final_status, expectedCount ?? 0);
        if (expectedStatus === null && (expectedCount ?? 0) > 0 && !(correction && 'status' in correction)) {
          throw new Error(
            `${key}: the source gives events but no status; state wismo's status in a correction`,
          );
        }
        const shipment = shipmentFor(entry, result);
        if (expectedStatus === null) {
          // No tracking: a typed problem, or a shipment the carrier knows but with nothing to say yet.
          const silent = shipment === undefined || shipment.events.length === 0;
          expect(
            silent || result.problems.length > 0,
            'a payload without tracking gives a problem or no events',
          ).toBe(true);
          if (shipment === undefined) expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        expect(shipment, `a shipment for ${entry.tracking_number}`).toBeDefined();
        const s = shipment as TrackedShipment;
        if (expectedCount !== null) expect(s.events.length).toBe(expectedCount);
        expect(derivedStatus(s)).toBe(expectedStatus);
        for (const e of s.events) {
          expect(e.occurredAt).toMatch(UTC_INSTANT);
          expect(e.occurredAtLocal.length).toBeGreaterThan(0);
          expect(e.rawCode.length + e.rawText.length, 'raw code or text kept').toBeGreaterThan(0);
        }
      });
    }
  });
}
