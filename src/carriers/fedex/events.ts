import type { EventLocation } from '../../domain/shapes.js';
import { lookupCode } from '../adapter.js';
import type { TrackedShipment } from '../model.js';
import type { EventSpec } from '../support/build.js';
import {
  FEDEX_DERIVED_CODES,
  FEDEX_EVENT_CODES,
  FEDEX_EXCEPTION_CODES,
  REFINABLE_TYPES,
  refineByExceptionText,
} from './codes.js';

// What the JSON and XML mappers share: one FedEx scan to an event spec, and the ordering rules.

const TABLES = [FEDEX_EXCEPTION_CODES, FEDEX_EVENT_CODES] as const;

export interface FedexScan {
  type: string | null;
  /** Track API only: FedEx's coarse summary code, the class of unknown types. */
  derived?: string | null;
  exceptionCode: string | null;
  description: string | null;
  exceptionDescription: string | null;
  /** ISO 8601, with the offset FedEx gives (sometimes none). */
  time: string | null;
  location: EventLocation | null;
}

export function scanSpec(scan: FedexScan): EventSpec {
  const type = scan.type ?? scan.derived ?? null;
  // The exception code is the most specific code FedEx gives: kept in the raw code as TYPE.CODE.
  const code = type && scan.exceptionCode ? `${type}.${scan.exceptionCode}` : type;
  // The exception text says why ("Customer not available or business closed"): kept beside the event text.
  const text = [scan.description, scan.exceptionDescription]
    .filter((t): t is string => !!t && t.length > 0)
    .filter((t, i, all) => all.indexOf(t) === i)
    .join(': ');
  const lookup = [code, type];
  const classRule = scan.derived ? (lookupCode(FEDEX_DERIVED_CODES, scan.derived) ?? null) : null;
  const spec: EventSpec = {
    code,
    text,
    time: { value: scan.time },
    location: scan.location,
    tables: TABLES,
    lookup,
    classRule,
  };
  // A delivery or shipment exception whose exception code the table does not know (or that has none): its
  // own words can say more than "delivery exception" (refused, address, weather…). The type is known, so
  // the event stays mapped.
  const comboKnown = code !== type && lookupCode(FEDEX_EXCEPTION_CODES, code ?? '') !== undefined;
  if (!comboKnown && type && REFINABLE_TYPES.has(type)) {
    const refined = refineByExceptionText(scan.exceptionDescription);
    if (refined) spec.rule = refined;
  }
  return spec;
}

/**
 * FedEx reuses tracking numbers: one answer may hold several shipments under one number. The most recent
 * (latest event, else latest ship date) comes first among those that share a number, so a consumer that
 * takes the first match sees the parcel that is moving now. Different numbers keep FedEx's order.
 */
export function newestShipmentFirst(
  shipments: readonly { shipment: TrackedShipment; shippedAt: string | null }[],
): TrackedShipment[] {
  const recency = (s: { shipment: TrackedShipment; shippedAt: string | null }) =>
    s.shipment.events.at(-1)?.occurredAt ?? s.shippedAt ?? '';
  const groups = new Map<string, { shipment: TrackedShipment; shippedAt: string | null }[]>();
  for (const s of shipments) {
    const group = groups.get(s.shipment.trackingNumber) ?? [];
    group.push(s);
    groups.set(s.shipment.trackingNumber, group);
  }
  return [...groups.values()].flatMap((group) =>
    group
      .map((s, i) => ({ s, i }))
      .sort((a, b) => {
        const ra = recency(a.s);
        const rb = recency(b.s);
        return ra > rb ? -1 : ra < rb ? 1 : a.i - b.i;
      })
      .map(({ s }) => s.shipment),
  );
}
