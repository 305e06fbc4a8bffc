import type { CarrierAdapter } from '../adapter.js';
import { LAPOSTE_CODES, LAPOSTE_FAMILIES } from './codes.js';
import { mapLaposte } from './map.js';

// La Poste numbers are UPU S10 (checked by the tracking-number library) or Colissimo's 11–15 character
// domestic numbers, which have no public check digit: no detect().
export const adapter: CarrierAdapter = {
  code: 'laposte',
  name: 'La Poste / Colissimo',
  kind: 'carrier',
  codeTables: [LAPOSTE_CODES, LAPOSTE_FAMILIES],
  map: mapLaposte,
};
