import type { CarrierAdapter } from '../adapter.js';
import { GEODIS_CODES, GEODIS_SITUATIONS } from './codes.js';
import { mapGeodis } from './map.js';

// GEODIS tracking numbers (noSuivi, "1G6CPLT3JB5U") have no published shape or check digit: no detect().
export const adapter: CarrierAdapter = {
  code: 'geodis',
  name: 'GEODIS',
  kind: 'carrier',
  codeTables: [GEODIS_CODES, GEODIS_SITUATIONS],
  map: mapGeodis,
};
