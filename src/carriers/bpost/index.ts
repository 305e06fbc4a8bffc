import type { CarrierAdapter } from '../adapter.js';
import { BPOST_CODES } from './codes.js';
import { mapBpost } from './map.js';

// bpost parcel barcodes (24 digits, "3232…") have no check digit wismo can verify, and international items
// are UPU S10 numbers the tracking-number library knows: no detect().
export const adapter: CarrierAdapter = {
  code: 'bpost',
  name: 'bpost',
  kind: 'carrier',
  codeTables: [BPOST_CODES],
  map: mapBpost,
};
