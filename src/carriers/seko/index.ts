import type { CarrierAdapter } from '../adapter.js';
import { SEKO_CODES } from './codes.js';
import { mapSeko } from './map.js';

// SEKO consignment numbers follow the delivering partner's format (GLS, DPD, Royal Mail…): no detect().
export const adapter: CarrierAdapter = {
  code: 'seko',
  name: 'SEKO Logistics',
  kind: 'carrier',
  codeTables: [SEKO_CODES],
  map: mapSeko,
};
