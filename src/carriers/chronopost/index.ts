import type { CarrierAdapter } from '../adapter.js';
import { CHRONOPOST_CODES } from './codes.js';
import { mapChronopost } from './map.js';

// Chronopost skybills are UPU S10 numbers (checked by the tracking-number library) or 14 digits without a
// check digit anyone publishes: no detect().
export const adapter: CarrierAdapter = {
  code: 'chronopost',
  name: 'Chronopost',
  kind: 'carrier',
  codeTables: [CHRONOPOST_CODES],
  map: mapChronopost,
};
