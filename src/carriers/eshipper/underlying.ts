// eShipper carrierName values ("UPS", "FedEx", "Canada Post", "Purolator", …) as wismo carrier codes, by the
// name they start with once spaces and punctuation are removed. An unknown name gives null.

const PREFIXES: readonly [string, string][] = [
  ['canadapost', 'canadapost'],
  ['postescanada', 'canadapost'],
  ['purolator', 'purolator'],
  ['canpar', 'canpar'],
  ['dicom', 'dicom'],
  ['glscanada', 'dicom'],
  ['nationex', 'nationex'],
  ['dhlexpress', 'dhl_express'],
  ['dhlecommerce', 'dhl_unified'],
  ['dhl', 'dhl_express'],
  ['fedex', 'fedex'],
  ['federalexpress', 'fedex'],
  ['usps', 'usps'],
  ['ups', 'ups'],
];

export function underlyingCarrier(name: string | null): string | null {
  const n = name?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!n) return null;
  return PREFIXES.find(([prefix]) => n.startsWith(prefix))?.[1] ?? null;
}
