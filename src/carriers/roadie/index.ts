import type { CarrierAdapter } from '../adapter.js';
import { ROADIE_EVENTS, ROADIE_STATES } from './codes.js';
import { mapRoadie } from './map.js';

// Roadie tracking numbers (RETHNKW354W3H438) are 16 letters and digits with no published check: too close to
// other carriers' shapes to claim them.
export const adapter: CarrierAdapter = {
  code: 'roadie',
  name: 'Roadie',
  kind: 'carrier',
  codeTables: [ROADIE_EVENTS, ROADIE_STATES],
  map: mapRoadie,
};
