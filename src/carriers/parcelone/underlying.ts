// ParcelOne's CarrierIDLMC (the last-mile carrier) as wismo carrier codes. PA1 is ParcelOne's own network;
// a carrier wismo has no adapter for gives null rather than a made-up code. ParcelOne is a German
// platform: its "DHL" is DHL Paket.

const CARRIERS: Record<string, string> = {
  DHL: 'dhl_parcel_de',
  DHLEXPRESS: 'dhl_express',
  UPS: 'ups',
  DPD: 'dpd',
  GLS: 'gls',
  HERMES: 'hermes',
  FEDEX: 'fedex',
  TNT: 'tnt',
};

export function underlyingCarrier(id: string | null): string | null {
  if (!id) return null;
  return CARRIERS[id.toUpperCase().replace(/[^A-Z0-9]/g, '')] ?? null;
}
