import type { CarrierAdapter } from '../adapter.js';
import { DPD_STATUSES } from './codes.js';
import { mapDpd } from './map.js';

// DPD parcel numbers are 14 digits (depot + serial + check character), a shape shared with too many other
// numbers to guess from: no detect().
export const adapter: CarrierAdapter = {
  code: 'dpd',
  name: 'DPD',
  kind: 'carrier',
  codeTables: [DPD_STATUSES],
  map: mapDpd,
};
