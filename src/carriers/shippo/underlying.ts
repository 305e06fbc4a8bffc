// Shippo's carrier tokens (the track's `carrier`) as wismo carrier codes. A carrier wismo has no adapter for
// gives null: the shipment is then matched by number alone, never against a made-up code.

const CARRIERS: Record<string, string> = {
  usps: 'usps',
  ups: 'ups',
  fedex: 'fedex',
  dhlexpress: 'dhl_express',
  dhlgermany: 'dhl_parcel_de',
  dhlecommerce: 'dhl_unified',
  canadapost: 'canadapost',
  purolator: 'purolator',
  canpar: 'canpar',
  royalmail: 'royalmail',
  australiapost: 'australiapost',
  colissimo: 'laposte',
  laposte: 'laposte',
  chronopost: 'chronopost',
  dpd: 'dpd',
  dpduk: 'dpd',
  dpdde: 'dpd',
  glsde: 'gls',
  glsus: 'gls',
  hermesuk: 'hermes',
  hermesgermanygmbh: 'hermes',
  asendiaus: 'asendia_us',
  aramex: 'aramex',
  sendle: 'sendle',
};

export function underlyingCarrier(token: string | null): string | null {
  if (!token) return null;
  return CARRIERS[token.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null;
}
