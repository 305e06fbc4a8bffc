import type { EventLocation } from '../../domain/shapes.js';
import { location } from '../support/build.js';
import { zoneForLocation } from '../support/zone.js';

// Locate2u stops carry one address line: "Level 4, Suite 4.11, 55 Miller St, Pyrmont NSW 2009, Australia".
// The last part is the country, the one before it "Town STATE postcode" (Australian and US style).

const TOWN_STATE_POSTCODE = /^(.+?)\s+([A-Z]{2,3})\s+(\d{4,5})$/;

export function addressLine(value: string | null): EventLocation | null {
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const town = TOWN_STATE_POSTCODE.exec(parts.at(-2) ?? '');
  return location({
    city: town?.[1] ?? null,
    region: town?.[2] ?? null,
    postalCode: town?.[3] ?? null,
    country: parts.at(-1) ?? null,
  });
}

// Australian postcodes name their state by the first digit, and every state but New South Wales lies in one
// zone (NSW's 2880, Broken Hill, keeps South Australia's time). Suburbs such as Pyrmont are not in the
// world-cities list the shared zone lookup uses, and NSW as a whole spans two zones; a state capital stands in
// for the zone lookup (the stop keeps its real address).
const AU_BY_POSTCODE: Record<string, EventLocation> = {
  '2': { city: 'Sydney', region: 'NSW', postalCode: null, countryCode: 'AU' },
  '3': { city: 'Melbourne', region: 'VIC', postalCode: null, countryCode: 'AU' },
  '4': { city: 'Brisbane', region: 'QLD', postalCode: null, countryCode: 'AU' },
  '5': { city: 'Adelaide', region: 'SA', postalCode: null, countryCode: 'AU' },
  '6': { city: 'Perth', region: 'WA', postalCode: null, countryCode: 'AU' },
  '7': { city: 'Hobart', region: 'TAS', postalCode: null, countryCode: 'AU' },
  '08': { city: 'Darwin', region: 'NT', postalCode: null, countryCode: 'AU' },
};

/** The location to take a local time's zone from: the stop's own, else its postcode's state capital. */
export function zoneLocation(loc: EventLocation | null): EventLocation | null {
  if (!loc || zoneForLocation(loc) || loc.countryCode !== 'AU') return loc;
  const code = loc.postalCode?.trim() ?? '';
  if (!/^\d{4}$/.test(code) || code === '2880') return loc;
  return AU_BY_POSTCODE[code.slice(0, 2)] ?? AU_BY_POSTCODE[code.slice(0, 1)] ?? loc;
}
