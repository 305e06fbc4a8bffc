import type { CarrierAdapter } from '../adapter.js';
import { ARAMEX_CODES } from './codes.js';
import { mapAramex } from './map.js';

// Aramex waybills are plain 11-digit numbers, a shape shared with too many others to guess from: no detect().
export const adapter: CarrierAdapter = {
  code: 'aramex',
  name: 'Aramex',
  kind: 'carrier',
  codeTables: [ARAMEX_CODES],
  map: mapAramex,
};
