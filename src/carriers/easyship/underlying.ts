// Easyship courier names ("USPS - Priority Mail", "FedEx International Economy", "DHL Express Worldwide")
// as wismo carrier codes, by the name they start with. A courier wismo has no adapter for gives null.

const PREFIXES: readonly [string, string][] = [
  ['canadapost', 'canadapost'],
  ['australiapost', 'australiapost'],
  ['royalmail', 'royalmail'],
  ['dhlecommerce', 'dhl_unified'],
  ['dhl', 'dhl_express'],
  ['fedex', 'fedex'],
  ['usps', 'usps'],
  ['ups', 'ups'],
  ['purolator', 'purolator'],
  ['canpar', 'canpar'],
  ['sendle', 'sendle'],
  ['aramex', 'aramex'],
  ['asendiausa', 'asendia_us'],
  ['asendia', 'asendia'],
  ['dpd', 'dpd'],
  ['gls', 'gls'],
  ['evri', 'hermes'],
  ['hermes', 'hermes'],
];

export function underlyingCarrier(...names: (string | null)[]): string | null {
  for (const name of names) {
    const n = name?.toLowerCase().replace(/[^a-z0-9]/g, '');
    const hit = n ? PREFIXES.find(([prefix]) => n.startsWith(prefix)) : undefined;
    if (hit) return hit[1];
  }
  return null;
}
