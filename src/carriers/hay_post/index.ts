import type { CarrierAdapter } from '../adapter.js';
import { HAY_POST_STATES } from './codes.js';
import { mapHayPost } from './map.js';

// HayPost numbers are UPU S10 ("…AM"), which the tracking-number library checks: no detect().
export const adapter: CarrierAdapter = {
  code: 'hay_post',
  name: 'HayPost',
  kind: 'carrier',
  codeTables: [HAY_POST_STATES],
  map: mapHayPost,
};
