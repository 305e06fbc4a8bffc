import type { CarrierAdapter } from '../adapter.js';
import { CANADAPOST_EVENTS } from './codes.js';
import { mapCanadaPost } from './map.js';

// Canada Post PINs of 16 digits end with a mod-10 check digit over the first 15, weighted 3,1,3,… from the
// right (it verifies on every PIN in the fixtures). 12- and 13-character PINs and UPU S10 numbers are left
// to the tracking-number library; 15-digit delivery notice card numbers have no check digit wismo knows.
const PIN16 = /^\d{16}$/;

export function pinCheckDigit(first15: string): number {
  let sum = 0;
  for (let i = 0; i < first15.length; i++)
    sum += Number(first15[first15.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export const adapter: CarrierAdapter = {
  code: 'canadapost',
  name: 'Canada Post',
  kind: 'carrier',
  codeTables: [CANADAPOST_EVENTS],
  map: mapCanadaPost,
  detect(number) {
    if (!PIN16.test(number) || pinCheckDigit(number.slice(0, 15)) !== Number(number[15])) return [];
    return [{ carrier: 'canadapost', confidence: 0.8, reason: 'Canada Post 16-digit PIN (check digit ok)' }];
  },
};
