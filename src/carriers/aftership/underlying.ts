// AfterShip courier slugs as wismo carrier codes. A courier wismo has no adapter for gives null: the
// shipment is then matched by number alone, never against a made-up code.

const SLUGS: Record<string, string> = {
  fedex: 'fedex',
  ups: 'ups',
  usps: 'usps',
  dhl: 'dhl_express',
  'dhl-global-mail': 'dhl_unified',
  'dhl-germany': 'dhl_parcel_de',
  'dhl-poland': 'dhl_poland',
  'canada-post': 'canadapost',
  purolator: 'purolator',
  canpar: 'canpar',
  'royal-mail': 'royalmail',
  'australia-post': 'australiapost',
  'la-poste-colissimo': 'laposte',
  'chronopost-france': 'chronopost',
  bpost: 'bpost',
  dpd: 'dpd',
  'dpd-uk': 'dpd',
  gls: 'gls',
  hermes: 'hermes',
  'hermes-de': 'hermes',
  tnt: 'tnt',
  aramex: 'aramex',
  asendia: 'asendia',
  'asendia-usa': 'asendia_us',
  sendle: 'sendle',
  amazon: 'amazon_shipping',
};

export function underlyingCarrier(slug: string | null): string | null {
  return slug ? (SLUGS[slug.toLowerCase()] ?? null) : null;
}
