import cityTimezones from 'city-timezones';
import countriesAndTimezones from 'countries-and-timezones';
import { DateTime } from 'luxon';
import type { EventLocation } from '../../domain/shapes.js';

// The IANA zone of an event's location, for carriers that write local times without an offset. A country
// with one zone answers directly (countries-and-timezones); in countries with several, the city and region
// are looked up in city-timezones' world cities. No answer is better than a wrong one: an ambiguous place
// returns null and the time is marked as assumed UTC.

// Region names as city-timezones spells them, for the countries where carriers send region codes.
const REGION_NAMES: Record<string, Record<string, string>> = {
  CA: {
    AB: 'Alberta',
    BC: 'British Columbia',
    MB: 'Manitoba',
    NB: 'New Brunswick',
    NL: 'Newfoundland and Labrador',
    NS: 'Nova Scotia',
    NT: 'Northwest Territories',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Prince Edward Island',
    QC: 'Québec',
    SK: 'Saskatchewan',
    YT: 'Yukon',
  },
  AU: {
    ACT: 'Australian Capital Territory',
    NSW: 'New South Wales',
    NT: 'Northern Territory',
    QLD: 'Queensland',
    SA: 'South Australia',
    TAS: 'Tasmania',
    VIC: 'Victoria',
    WA: 'Western Australia',
  },
};

interface City {
  city_ascii: string;
  iso2: string;
  province: string;
  state_ansi?: string;
  timezone: string;
}

const CITIES = cityTimezones.cityMapping as City[];
const cache = new Map<string, string | null>();

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function regionMatches(city: City, country: string, region: string): boolean {
  const r = region.toUpperCase();
  if (city.state_ansi && city.state_ansi.toUpperCase() === r) return true;
  const name = REGION_NAMES[country]?.[r];
  return fold(city.province) === fold(name ?? region);
}

// Fixed reference instants keep the answer the same whenever it is asked.
const WINTER = DateTime.fromISO('2025-01-15T12:00:00Z');
const SUMMER = DateTime.fromISO('2025-07-15T12:00:00Z');

function sameClock(zones: readonly string[]): boolean {
  const offsets = (at: DateTime) => new Set(zones.map((z) => at.setZone(z).offset));
  return offsets(WINTER).size === 1 && offsets(SUMMER).size === 1;
}

function single(zones: Iterable<string>): string | null {
  const set = new Set(zones);
  return set.size === 1 ? ([...set][0] ?? null) : null;
}

export function zoneForLocation(location: EventLocation | null | undefined): string | null {
  const country = location?.countryCode?.toUpperCase();
  if (country?.length !== 2) return null;
  const key = `${country}|${location?.region ?? ''}|${location?.city ?? ''}`.toUpperCase();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const zone = lookup(country, location?.region ?? null, location?.city ?? null);
  cache.set(key, zone);
  return zone;
}

function lookup(country: string, region: string | null, city: string | null): string | null {
  const zones = countriesAndTimezones.getCountry(country)?.timezones ?? [];
  if (zones.length === 0) return null;
  // Germany lists Berlin and Büsingen, the Netherlands two zones with one clock: where all of a country's
  // zones keep the same time in winter and in summer, the country answers for all its towns.
  if (sameClock(zones)) return zones[0] ?? null;
  const inCountry = CITIES.filter((c) => c.iso2 === country);
  const inRegion = region ? inCountry.filter((c) => regionMatches(c, country, region)) : [];
  if (city) {
    const name = fold(city);
    const pool = inRegion.length > 0 ? inRegion : inCountry;
    const byCity = single(pool.filter((c) => fold(c.city_ascii) === name).map((c) => c.timezone));
    if (byCity) return byCity;
  }
  // A region that lies in one zone answers for all its towns (most US states, every Canadian province
  // but a few border towns, every Australian state).
  return inRegion.length > 0 ? single(inRegion.map((c) => c.timezone)) : null;
}
