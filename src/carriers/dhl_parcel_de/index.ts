import type { CarrierAdapter } from '../adapter.js';
import { DHL_PARCEL_DE_EVENTS, DHL_PARCEL_DE_ICE } from './codes.js';
import { mapDhlParcelDe } from './map.js';

// DHL Paket labels carry an SSCC: "00" + DHL's GS1 company prefix 340434 + serial + a GS1 mod-10 check digit.
// The tracking-number library reads such 20-digit numbers as USPS, so the shape is claimed here.
const SSCC = /^(?:00)?(340434\d{11})(\d)$/;

function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++)
    sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export const adapter: CarrierAdapter = {
  code: 'dhl_parcel_de',
  name: 'DHL Paket (Germany)',
  kind: 'carrier',
  codeTables: [DHL_PARCEL_DE_EVENTS, DHL_PARCEL_DE_ICE],
  map: mapDhlParcelDe,
  detect(number) {
    const m = SSCC.exec(number);
    if (!m) return [];
    return gs1CheckDigit(m[1] as string) === Number(m[2])
      ? [{ carrier: 'dhl_parcel_de', confidence: 0.95, reason: 'DHL Paket SSCC 00340434… (check digit ok)' }]
      : [
          {
            carrier: 'dhl_parcel_de',
            confidence: 0.3,
            reason: 'DHL Paket SSCC 00340434… (check digit wrong)',
          },
        ];
  },
};
