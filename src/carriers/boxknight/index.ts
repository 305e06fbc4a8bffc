import type { CarrierAdapter } from '../adapter.js';
import { BOXKNIGHT_STATUSES } from './codes.js';
import { mapBoxKnight } from './map.js';

// BoxKnight tracks by order id, a UUID: nothing in its shape says BoxKnight, so no detection.
export const adapter: CarrierAdapter = {
  code: 'boxknight',
  name: 'BoxKnight',
  kind: 'carrier',
  codeTables: [BOXKNIGHT_STATUSES],
  map: mapBoxKnight,
};
