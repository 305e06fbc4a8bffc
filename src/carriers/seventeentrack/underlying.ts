// 17TRACK carrier keys (its published carrier list) as wismo carrier codes. A carrier wismo has no adapter
// for gives null: the shipment is then matched by number alone, never against a made-up code.

const KEYS: Record<string, string> = {
  '100001': 'dhl_express',
  '100002': 'ups',
  '100003': 'fedex',
  '21051': 'usps',
  '3041': 'canadapost',
  '1151': 'australiapost',
  '11031': 'royalmail',
  '2061': 'bpost',
  '100006': 'aramex',
  '100029': 'asendia',
  '100016': 'asendia_us',
  '100146': 'canpar',
};

export function underlyingCarrier(key: unknown): string | null {
  if (typeof key !== 'number' && typeof key !== 'string') return null;
  return KEYS[String(key).trim()] ?? null;
}
