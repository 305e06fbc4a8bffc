import type { CarrierAdapter } from '../adapter.js';
import { DHL_EXPRESS_CODES } from './codes.js';
import { mapDhlExpress } from './map.js';

// DHL Express waybills (10 digits, mod-7 check digit; JJD piece numbers) are known to the tracking-number
// library: no detect().
export const adapter: CarrierAdapter = {
  code: 'dhl_express',
  name: 'DHL Express',
  kind: 'carrier',
  codeTables: [DHL_EXPRESS_CODES],
  map: mapDhlExpress,
};
