import type { EventLocation } from '../../domain/shapes.js';
import { location } from '../support/build.js';
import { normalizeCountry } from '../support/country.js';
import { zoneForLocation } from '../support/zone.js';

// DHL Express names places by service area: a code (BCN, LEJ) and a description written "City - Country"
// ("Barcelona - Spain "), "CITY-CTY" with an ISO alpha-3 country ("KINGSTON-JAM") or "CITY,ST-CTY" with a
// state ("SPRINGFIELD GARDENS,NY-USA"). The country is what follows the last dash, when it reads as one;
// otherwise the whole description is the city. Event times are local to that place.

export function serviceArea(description: string | null | undefined): EventLocation | null {
  const d = description?.replace(/\s+/g, ' ').trim();
  if (!d) return null;
  const dash = d.lastIndexOf('-');
  const tail = dash > 0 ? d.slice(dash + 1).trim() : '';
  // DHL writes the United Kingdom "UK", which is not an ISO code.
  const country = tail ? normalizeCountry(tail.toUpperCase() === 'UK' ? 'GB' : tail) : null;
  const place = country ? d.slice(0, dash).trim() : d;
  const [city, region] = place.split(',').map((p) => p.trim());
  return location({ city, region: region ?? null, country });
}

/**
 * The place an event's local time is read in. Germany lists two zones (Europe/Berlin and Büsingen's), so the
 * shared lookup only answers for German towns it knows; every German town keeps Berlin's time, so an
 * unknown one is read in Berlin's zone. (Shared fix suggested: zoneForLocation could answer for countries
 * whose zones share one rule.)
 */
export function timeLocation(loc: EventLocation | null): EventLocation | null {
  if (loc?.countryCode !== 'DE' || zoneForLocation(loc)) return loc;
  return { city: 'Berlin', region: null, postalCode: null, countryCode: 'DE' };
}
