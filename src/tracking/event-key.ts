import { createHash } from 'node:crypto';
import type { CanonicalEvent } from '../carriers/model.js';

// The natural dedupe key of DESIGN.md: carrier, tracking number, the carrier's code, the instant in UTC and
// the location. Hashed so the unique index stays small. Text is left out on purpose: carriers reword the
// same scan between answers, and a reworded scan is still the same scan.
export function eventKey(carrier: string, trackingNumber: string, e: CanonicalEvent): string {
  const place = e.location
    ? [e.location.city, e.location.region, e.location.postalCode, e.location.countryCode]
        .map((p) => (p ?? '').toLowerCase().replace(/\s+/g, ' ').trim())
        .join('|')
    : '';
  return createHash('sha256')
    .update(JSON.stringify([carrier, trackingNumber, e.rawCode, e.occurredAt, place]))
    .digest('base64url');
}
