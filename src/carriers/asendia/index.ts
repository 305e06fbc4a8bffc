import type { CarrierAdapter } from '../adapter.js';
import { ASENDIA_EVENT_CODES } from './codes.js';
import { mapAsendia } from './map.js';

// Asendia numbers are UPU S10 numbers of partner posts or Asendia references without a check digit wismo
// can verify: no detect().
export const adapter: CarrierAdapter = {
  code: 'asendia',
  name: 'Asendia',
  kind: 'carrier',
  codeTables: [ASENDIA_EVENT_CODES],
  map: mapAsendia,
};
