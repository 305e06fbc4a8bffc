import type { CarrierAdapter } from '../adapter.js';
import { LOCATE2U_STATUSES } from './codes.js';
import { mapLocate2u } from './map.js';

// Locate2u tracks by stop id, a bare number: no detection.
export const adapter: CarrierAdapter = {
  code: 'locate2u',
  name: 'Locate2u',
  kind: 'carrier',
  codeTables: [LOCATE2U_STATUSES],
  map: mapLocate2u,
};
