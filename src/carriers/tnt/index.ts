import type { CarrierAdapter } from '../adapter.js';
import { TNT_STATUS_CODES, TNT_SUMMARY_CODES } from './codes.js';
import { mapTnt } from './map.js';

// TNT consignment numbers are 9 digits, a shape shared with too many others to claim: no detect().
export const adapter: CarrierAdapter = {
  code: 'tnt',
  name: 'TNT Express',
  kind: 'carrier',
  codeTables: [TNT_STATUS_CODES, TNT_SUMMARY_CODES],
  map: mapTnt,
};
