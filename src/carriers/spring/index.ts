import type { CarrierAdapter } from '../adapter.js';
import { SPRING_EVENT_CODES } from './codes.js';
import { mapSpring } from './map.js';

// Spring GDS numbers are UPU S10 numbers of its partner posts (…NL, …GB), which the tracking-number
// library attributes to those posts: no detect().
export const adapter: CarrierAdapter = {
  code: 'spring',
  name: 'Spring GDS',
  kind: 'carrier',
  codeTables: [SPRING_EVENT_CODES],
  map: mapSpring,
};
