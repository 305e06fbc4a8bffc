// EasyPost's carrier names (the tracker's `carrier`) as wismo carrier codes. A carrier wismo has no adapter
// for gives null: the shipment is then matched by number alone, never against a made-up code.

const CARRIERS: Record<string, string> = {
  usps: 'usps',
  ups: 'ups',
  upsmailinnovations: 'ups',
  upssurepost: 'ups',
  fedex: 'fedex',
  fedexsmartpost: 'fedex',
  fedexground: 'fedex',
  dhlexpress: 'dhl_express',
  dhlpaket: 'dhl_parcel_de',
  canadapost: 'canadapost',
  purolator: 'purolator',
  canpar: 'canpar',
  royalmail: 'royalmail',
  australiapost: 'australiapost',
  laposte: 'laposte',
  colissimo: 'laposte',
  chronopost: 'chronopost',
  dpd: 'dpd',
  gls: 'gls',
  tnt: 'tnt',
  aramex: 'aramex',
  asendia: 'asendia',
  asendiausa: 'asendia_us',
  sendle: 'sendle',
  amazonshipping: 'amazon_shipping',
};

export function underlyingCarrier(name: string | null): string | null {
  if (!name) return null;
  return CARRIERS[name.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null;
}
