import type { CarrierAdapter } from '../adapter.js';
import { GLS_EVENT_CODES, GLS_STATUSES } from './codes.js';
import { mapGls } from './map.js';

// GLS parcel numbers are 11 or 12 digits (or 20-digit track ids) without a check digit wismo can verify:
// too common a shape to guess from, no detect().
export const adapter: CarrierAdapter = {
  code: 'gls',
  name: 'GLS',
  kind: 'carrier',
  codeTables: [GLS_EVENT_CODES, GLS_STATUSES],
  map: mapGls,
};
