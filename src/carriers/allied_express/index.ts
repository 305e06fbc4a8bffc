import type { CarrierAdapter } from '../adapter.js';
import { ALLIED_SCAN_STATUSES } from './codes.js';
import { mapAlliedExpress } from './map.js';

// Allied Express consignment notes ("AOE10060817R", plain digits) have no check digit: no detect().
export const adapter: CarrierAdapter = {
  code: 'allied_express',
  name: 'Allied Express',
  kind: 'carrier',
  codeTables: [ALLIED_SCAN_STATUSES],
  map: mapAlliedExpress,
};
