import type { EventLocation } from '../../domain/shapes.js';
import { location } from '../support/build.js';

// Where a Canada Post event happened. Domestic events give a site (the town, "SAINTE-FOY") and a province
// code; international ones give "site,Country" ("ILTLVA,Israel", "02650,Israel") and no province. A Canadian
// postal code has the shape A1A1A1.

const PROVINCES = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
const CANADIAN_POSTAL_CODE = /^[A-Z]\d[A-Z]\s?\d[A-Z]\d$/i;

export function eventPlace(site: string | null, province: string | null): EventLocation | null {
  const comma = site?.lastIndexOf(',') ?? -1;
  if (site && comma > 0) {
    const head = site.slice(0, comma).trim();
    const numeric = /^\d+$/.test(head);
    return location({
      city: numeric ? null : head,
      postalCode: numeric ? head : null,
      region: province,
      country: site.slice(comma + 1),
    });
  }
  const canadian = province !== null && PROVINCES.has(province.toUpperCase());
  return location({ city: site, region: province, country: canadian ? 'CA' : null });
}

export function destinationPlace(postalCode: string | null): EventLocation | null {
  if (!postalCode) return null;
  return location({ postalCode, country: CANADIAN_POSTAL_CODE.test(postalCode) ? 'CA' : null });
}
