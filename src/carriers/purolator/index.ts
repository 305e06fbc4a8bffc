import type { CarrierAdapter } from '../adapter.js';
import { PUROLATOR_DESCRIPTIONS, PUROLATOR_SCAN_TYPES } from './codes.js';
import { mapPurolator } from './map.js';

// Purolator PINs (12 digits, or letters and digits) have no check digit wismo can verify and overlap other
// carriers' shapes, so the adapter offers no detection.
export const adapter: CarrierAdapter = {
  code: 'purolator',
  name: 'Purolator',
  kind: 'carrier',
  codeTables: [PUROLATOR_SCAN_TYPES, PUROLATOR_DESCRIPTIONS],
  map: mapPurolator,
};
