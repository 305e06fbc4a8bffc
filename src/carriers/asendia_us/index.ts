import type { CarrierAdapter } from '../adapter.js';
import { ASENDIA_US_MILESTONES } from './codes.js';
import { mapAsendiaUs } from './map.js';

// Asendia USA tracks by the partner post's UPU S10 number (RL924104146CH), which the tracking-number
// library attributes to that post: no detect().
export const adapter: CarrierAdapter = {
  code: 'asendia_us',
  name: 'Asendia USA',
  kind: 'carrier',
  codeTables: [ASENDIA_US_MILESTONES],
  map: mapAsendiaUs,
};
