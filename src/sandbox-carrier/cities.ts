// Real places, so tracking pages show believable locations and the offsets of several time zones (US and
// Australian zones with and without daylight saving, Europe, Japan). Postal codes are real central codes.
// `hub` marks the cities whose sorting centres line-hauls run between; every country has at least two.

export interface City {
  name: string;
  region: string;
  postalCode: string;
  countryCode: string;
  zone: string;
  /** Latitude and longitude, for distances: hubs on the way, hours on the road or in the air. */
  at: readonly [number, number];
  hub: boolean;
}

export interface Country {
  code: string;
  /** Parcels crossing between areas clear customs; inside the EU they do not. */
  customsArea: string;
  /** Cross-border parcels mostly stay on their continent. */
  continent: 'europe' | 'north_america' | 'asia_pacific';
  /** How many labels start here, relative to the others. */
  weight: number;
  /** Names signers give, written the way drivers key them in. */
  surnames: readonly string[];
}

const city = (
  name: string,
  region: string,
  postalCode: string,
  countryCode: string,
  zone: string,
  at: readonly [number, number],
  hub = false,
): City => ({ name, region, postalCode, countryCode, zone, at, hub });

export const CITIES: readonly City[] = [
  city('New York', 'NY', '10001', 'US', 'America/New_York', [40.71, -74.01], true),
  city('Atlanta', 'GA', '30303', 'US', 'America/New_York', [33.75, -84.39]),
  city('Louisville', 'KY', '40209', 'US', 'America/Kentucky/Louisville', [38.25, -85.76], true),
  city('Chicago', 'IL', '60607', 'US', 'America/Chicago', [41.88, -87.63], true),
  city('Memphis', 'TN', '38118', 'US', 'America/Chicago', [35.15, -90.05], true),
  city('Dallas', 'TX', '75201', 'US', 'America/Chicago', [32.78, -96.8], true),
  city('Denver', 'CO', '80202', 'US', 'America/Denver', [39.74, -104.99]),
  city('Phoenix', 'AZ', '85004', 'US', 'America/Phoenix', [33.45, -112.07]),
  city('Los Angeles', 'CA', '90021', 'US', 'America/Los_Angeles', [34.05, -118.24], true),
  city('Seattle', 'WA', '98101', 'US', 'America/Los_Angeles', [47.61, -122.33]),
  city('Toronto', 'ON', 'M5V 2T6', 'CA', 'America/Toronto', [43.65, -79.38], true),
  city('Montréal', 'QC', 'H3B 4W8', 'CA', 'America/Toronto', [45.5, -73.57], true),
  city('Calgary', 'AB', 'T2P 1J9', 'CA', 'America/Edmonton', [51.05, -114.07]),
  city('Vancouver', 'BC', 'V6B 1A1', 'CA', 'America/Vancouver', [49.28, -123.12], true),
  city('London', 'England', 'EC1A 1BB', 'GB', 'Europe/London', [51.51, -0.13], true),
  city('Birmingham', 'England', 'B1 1AA', 'GB', 'Europe/London', [52.49, -1.89], true),
  city('Manchester', 'England', 'M1 1AE', 'GB', 'Europe/London', [53.48, -2.24]),
  city('Glasgow', 'Scotland', 'G1 1XQ', 'GB', 'Europe/London', [55.86, -4.25]),
  city('Paris', 'Île-de-France', '75001', 'FR', 'Europe/Paris', [48.86, 2.35], true),
  city('Lyon', 'Auvergne-Rhône-Alpes', '69002', 'FR', 'Europe/Paris', [45.76, 4.84], true),
  city('Marseille', "Provence-Alpes-Côte d'Azur", '13001', 'FR', 'Europe/Paris', [43.3, 5.37]),
  city('Lille', 'Hauts-de-France', '59000', 'FR', 'Europe/Paris', [50.63, 3.06]),
  city('Berlin', 'Berlin', '10115', 'DE', 'Europe/Berlin', [52.52, 13.4]),
  city('Hamburg', 'Hamburg', '20095', 'DE', 'Europe/Berlin', [53.55, 9.99], true),
  city('Frankfurt am Main', 'Hessen', '60311', 'DE', 'Europe/Berlin', [50.11, 8.68], true),
  city('München', 'Bayern', '80331', 'DE', 'Europe/Berlin', [48.14, 11.58], true),
  city('Amsterdam', 'Noord-Holland', '1012 AB', 'NL', 'Europe/Amsterdam', [52.37, 4.9]),
  city('Rotterdam', 'Zuid-Holland', '3011 AD', 'NL', 'Europe/Amsterdam', [51.92, 4.48], true),
  city('Utrecht', 'Utrecht', '3511 AA', 'NL', 'Europe/Amsterdam', [52.09, 5.12], true),
  city('Bruxelles', 'Bruxelles-Capitale', '1000', 'BE', 'Europe/Brussels', [50.85, 4.35], true),
  city('Antwerpen', 'Antwerpen', '2000', 'BE', 'Europe/Brussels', [51.22, 4.4], true),
  city('Liège', 'Liège', '4000', 'BE', 'Europe/Brussels', [50.63, 5.57]),
  city('Madrid', 'Madrid', '28013', 'ES', 'Europe/Madrid', [40.42, -3.7], true),
  city('Barcelona', 'Cataluña', '08002', 'ES', 'Europe/Madrid', [41.39, 2.17], true),
  city('Valencia', 'Comunidad Valenciana', '46002', 'ES', 'Europe/Madrid', [39.47, -0.38]),
  city('Sevilla', 'Andalucía', '41001', 'ES', 'Europe/Madrid', [37.39, -5.98]),
  city('Milano', 'Lombardia', '20121', 'IT', 'Europe/Rome', [45.46, 9.19], true),
  city('Bologna', 'Emilia-Romagna', '40121', 'IT', 'Europe/Rome', [44.49, 11.34], true),
  city('Roma', 'Lazio', '00184', 'IT', 'Europe/Rome', [41.9, 12.5]),
  city('Napoli', 'Campania', '80133', 'IT', 'Europe/Rome', [40.85, 14.27]),
  city('Warszawa', 'Mazowieckie', '00-001', 'PL', 'Europe/Warsaw', [52.23, 21.01], true),
  city('Poznań', 'Wielkopolskie', '61-001', 'PL', 'Europe/Warsaw', [52.41, 16.93], true),
  city('Kraków', 'Małopolskie', '31-001', 'PL', 'Europe/Warsaw', [50.06, 19.94]),
  city('Sydney', 'NSW', '2000', 'AU', 'Australia/Sydney', [-33.87, 151.21], true),
  city('Melbourne', 'VIC', '3000', 'AU', 'Australia/Melbourne', [-37.81, 144.96], true),
  city('Brisbane', 'QLD', '4000', 'AU', 'Australia/Brisbane', [-27.47, 153.03]),
  city('Perth', 'WA', '6000', 'AU', 'Australia/Perth', [-31.95, 115.86]),
  city('Tokyo', 'Tokyo', '100-0005', 'JP', 'Asia/Tokyo', [35.68, 139.69], true),
  city('Osaka', 'Osaka', '530-0001', 'JP', 'Asia/Tokyo', [34.69, 135.5], true),
  city('Nagoya', 'Aichi', '450-0002', 'JP', 'Asia/Tokyo', [35.18, 136.91]),
  city('Fukuoka', 'Fukuoka', '810-0001', 'JP', 'Asia/Tokyo', [33.59, 130.4]),
];

const EU = 'EU';

export const COUNTRIES: readonly Country[] = [
  {
    code: 'US',
    customsArea: 'US',
    continent: 'north_america',
    weight: 30,
    surnames: ['SMITH', 'JOHNSON', 'GARCIA', 'WILLIAMS', 'BROWN', 'NGUYEN', 'MILLER', 'DAVIS'],
  },
  {
    code: 'CA',
    customsArea: 'CA',
    continent: 'north_america',
    weight: 6,
    surnames: ['TREMBLAY', 'MARTIN', 'ROY', 'WILSON', 'MACDONALD', 'GAGNON', 'LEE'],
  },
  {
    code: 'GB',
    customsArea: 'GB',
    continent: 'europe',
    weight: 10,
    surnames: ['JONES', 'TAYLOR', 'PATEL', 'EVANS', 'WALKER', 'WRIGHT', 'THOMSON'],
  },
  {
    code: 'FR',
    customsArea: EU,
    continent: 'europe',
    weight: 9,
    surnames: ['MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'PETIT', 'LEFEBVRE'],
  },
  {
    code: 'DE',
    customsArea: EU,
    continent: 'europe',
    weight: 10,
    surnames: ['MÜLLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER', 'WEBER', 'BECKER', 'WAGNER'],
  },
  {
    code: 'NL',
    customsArea: EU,
    continent: 'europe',
    weight: 5,
    surnames: ['DE JONG', 'JANSEN', 'DE VRIES', 'BAKKER', 'VISSER', 'SMIT'],
  },
  {
    code: 'BE',
    customsArea: EU,
    continent: 'europe',
    weight: 3,
    surnames: ['PEETERS', 'JANSSENS', 'MAES', 'DUPONT', 'LAMBERT', 'WILLEMS'],
  },
  {
    code: 'ES',
    customsArea: EU,
    continent: 'europe',
    weight: 5,
    surnames: ['GARCÍA', 'RODRÍGUEZ', 'FERNÁNDEZ', 'LÓPEZ', 'MARTÍNEZ', 'SÁNCHEZ'],
  },
  {
    code: 'IT',
    customsArea: EU,
    continent: 'europe',
    weight: 5,
    surnames: ['ROSSI', 'RUSSO', 'FERRARI', 'ESPOSITO', 'BIANCHI', 'ROMANO'],
  },
  {
    code: 'PL',
    customsArea: EU,
    continent: 'europe',
    weight: 3,
    surnames: ['NOWAK', 'KOWALSKI', 'WIŚNIEWSKI', 'WÓJCIK', 'KAMIŃSKI', 'LEWANDOWSKI'],
  },
  {
    code: 'AU',
    customsArea: 'AU',
    continent: 'asia_pacific',
    weight: 5,
    surnames: ['SMITH', 'JONES', 'WILLIAMS', 'NGUYEN', 'KELLY', 'RYAN'],
  },
  {
    code: 'JP',
    customsArea: 'JP',
    continent: 'asia_pacific',
    weight: 5,
    surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA', 'WATANABE', 'ITO'],
  },
];

const byCountry = new Map<string, { cities: City[]; hubs: City[] }>();
for (const c of CITIES) {
  const entry = byCountry.get(c.countryCode) ?? { cities: [], hubs: [] };
  entry.cities.push(c);
  if (c.hub) entry.hubs.push(c);
  byCountry.set(c.countryCode, entry);
}

export function citiesOf(countryCode: string): readonly City[] {
  return byCountry.get(countryCode)?.cities ?? [];
}

export function hubsOf(countryCode: string): readonly City[] {
  return byCountry.get(countryCode)?.hubs ?? [];
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: City, b: City): number {
  const rad = Math.PI / 180;
  const [lat1, lon1] = a.at;
  const [lat2, lon2] = b.at;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function countryOf(countryCode: string): Country {
  const country = COUNTRIES.find((c) => c.code === countryCode);
  if (!country) throw new Error(`no sandbox country ${countryCode}`);
  return country;
}
