import type { CarrierAdapter } from '../adapter.js';
import { DHL_POLAND_CODES } from './codes.js';
import { mapDhlPoland } from './map.js';

// DHL24 waybills are 11 digits without a published check digit: no detect().
export const adapter: CarrierAdapter = {
  code: 'dhl_poland',
  name: 'DHL Parcel Poland (DHL24)',
  kind: 'carrier',
  codeTables: [DHL_POLAND_CODES],
  map: mapDhlPoland,
};
