import type { ShipmentStatus } from '../domain/status.js';
import type { PollClient } from '../polling/client.js';
import type { MapResult, PayloadInput, Substatus } from './model.js';
import type { WebhookScheme } from './webhook.js';

// One interface for every carrier and aggregator. Each lives in src/carriers/<code>/ with its pure mapper,
// its code tables (which docs/statuses.md is generated from), its webhook scheme when it pushes, and its poll
// client when wismo can ask its tracking API.

export interface CodeRule {
  status: ShipmentStatus;
  substatus?: Substatus | null;
  /** Why, when the mapping is not obvious from the carrier's own wording. Printed in docs/statuses.md. */
  note?: string;
}

export interface CodeTable {
  /** What the codes are, e.g. "UPS activity status code". */
  readonly title: string;
  readonly rules: Readonly<Record<string, CodeRule>>;
}

/** A guess at a carrier from the shape of a tracking number. */
export interface DetectionCandidate {
  carrier: string;
  /** 0..1: 0.95 with a check digit that verifies, lower for a shape alone. */
  confidence: number;
  /** What matched, e.g. "UPS 1Z (check digit ok)". */
  reason: string;
}

export interface CarrierAdapter {
  /** wismo's carrier code: the folder name, the value stored on shipments. */
  readonly code: string;
  readonly name: string;
  readonly kind: 'carrier' | 'aggregator' | 'sandbox';
  /** Code tables from the carrier's codes to ours, in the order they are consulted. */
  readonly codeTables: readonly CodeTable[];
  /** Payload → canonical result. Pure; must not throw (the registry still guards against it). */
  map(input: PayloadInput): MapResult;
  /**
   * Shapes the tracking-number library does not know (own formats, carriers without check digits).
   * Return nothing when unsure; the library's check-digit answers come first.
   */
  detect?(normalizedNumber: string): DetectionCandidate[];
  /** How the carrier signs the webhooks it pushes; absent for carriers that only answer polls. */
  readonly webhook?: WebhookScheme;
  /** How to ask the carrier's tracking API; absent for carriers wismo cannot poll yet. */
  readonly poll?: PollClient;
}

export function defineCodeTable(title: string, rules: Record<string, CodeRule>): CodeTable {
  return { title, rules };
}

export function lookupCode(table: CodeTable, code: string): CodeRule | undefined {
  return Object.hasOwn(table.rules, code) ? table.rules[code] : undefined;
}
