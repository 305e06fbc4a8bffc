import type { EventLocation } from '../../domain/shapes.js';
import { zoneForLocation } from '../support/zone.js';

// DHL Paket writes its times in German local time without an offset ("17.03.2016 11:44"). Events abroad carry
// their country and take its zone; German events, and events without a place (DHL leaves event-location and
// event-country empty on some delivery-round scans), are read in Germany's zone. Germany lists two zones
// (Berlin's and Büsingen's, the same clock), so the shared lookup answers only for the German towns it knows;
// Berlin stands for the others. (Shared fix suggested: zoneForLocation could answer for countries whose
// zones share one rule.)

const GERMANY: EventLocation = { city: 'Berlin', region: null, postalCode: null, countryCode: 'DE' };

export function timeLocation(loc: EventLocation | null): EventLocation {
  if (!loc?.countryCode) return GERMANY;
  if (loc.countryCode !== 'DE' || zoneForLocation(loc)) return loc;
  return GERMANY;
}

/** "53113 Bonn": the postal code and the town, as DHL writes a German address line. */
export function cityLine(value: string | null): { postalCode: string | null; city: string | null } {
  if (!value) return { postalCode: null, city: null };
  const m = /^(\d{4,5})\s+(.+)$/.exec(value.trim());
  return m ? { postalCode: m[1] ?? null, city: m[2] ?? null } : { postalCode: null, city: value };
}
