import type { EventLocation } from '../../domain/shapes.js';
import { zoneForLocation } from '../support/zone.js';

// Canpar terminals are named by street address and town, and towns such as Etobicoke (part of Toronto) are
// not in the world-cities list the shared zone lookup uses; Ontario alone spans two zones, so the province
// cannot answer either. The first letter of a Canadian postal code can: where it lies in a single zone, a
// well-known town of that zone stands in for the zone lookup (the event keeps its real address). Letters
// whose area spans zones (A: Labrador, G: Magdalen Islands, P: north-western Ontario, S, V, X) are left out.

const BY_POSTAL_LETTER: Record<string, EventLocation> = {
  B: { city: 'Halifax', region: 'NS', postalCode: null, countryCode: 'CA' },
  C: { city: 'Charlottetown', region: 'PE', postalCode: null, countryCode: 'CA' },
  E: { city: 'Moncton', region: 'NB', postalCode: null, countryCode: 'CA' },
  H: { city: 'Montreal', region: 'QC', postalCode: null, countryCode: 'CA' },
  J: { city: 'Montreal', region: 'QC', postalCode: null, countryCode: 'CA' },
  K: { city: 'Toronto', region: 'ON', postalCode: null, countryCode: 'CA' },
  L: { city: 'Toronto', region: 'ON', postalCode: null, countryCode: 'CA' },
  M: { city: 'Toronto', region: 'ON', postalCode: null, countryCode: 'CA' },
  N: { city: 'Toronto', region: 'ON', postalCode: null, countryCode: 'CA' },
  R: { city: 'Winnipeg', region: 'MB', postalCode: null, countryCode: 'CA' },
  T: { city: 'Calgary', region: 'AB', postalCode: null, countryCode: 'CA' },
  Y: { city: 'Whitehorse', region: 'YT', postalCode: null, countryCode: 'CA' },
};

/** The location to take a local time's zone from: the event's own, else its postal area's stand-in. */
export function zoneLocation(loc: EventLocation | null): EventLocation | null {
  if (!loc || zoneForLocation(loc)) return loc;
  if (loc.countryCode !== 'CA') return loc;
  const letter = loc.postalCode?.trim().charAt(0).toUpperCase() ?? '';
  return BY_POSTAL_LETTER[letter] ?? loc;
}
