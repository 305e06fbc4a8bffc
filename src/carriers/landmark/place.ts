import type { EventLocation } from '../../domain/shapes.js';
import { location } from '../support/build.js';
import { normalizeCountry } from '../support/country.js';
import { zoneForLocation } from '../support/zone.js';

// Landmark writes an event's Location as free text: "Los Angeles, CA, US" (city, region, country),
// "Berlin, DE" or "London, UK" (city, country), "Columbus, OH" (a US city and state), "Feltham, SRY" or
// "Roundwood, WW" (a UK or Irish county code) or just "Machelen". A last part is a country only when it
// reads as one; two letters that are both a country and a US state ("CA", "DE") are read as the state only
// when the city is known there and not in that country.

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(
    ' ',
  ),
);

const country = (code: string) => normalizeCountry(code.toUpperCase() === 'UK' ? 'GB' : code);

export function landmarkPlace(value: string | null): EventLocation | null {
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const [city, second] = parts;
  if (!city) return null;
  if (parts.length >= 3) {
    return location({
      city,
      region: parts.slice(1, -1).join(', '),
      country: country(parts.at(-1) as string),
    });
  }
  if (!second) return location({ city });
  const state = second.toUpperCase();
  const asCountry = country(second);
  if (asCountry && US_STATES.has(state)) {
    const inCountry = zoneForLocation({ city, countryCode: asCountry });
    const inState = zoneForLocation({ city, region: state, countryCode: 'US' });
    if (!inCountry && inState) return location({ city, region: state, country: 'US' });
  }
  if (asCountry) return location({ city, country: asCountry });
  if (US_STATES.has(state)) return location({ city, region: state, country: 'US' });
  return location({ city, region: second });
}
