import type { CarrierAdapter } from '../adapter.js';
import { NATIONEX_EXCEPTIONS, NATIONEX_STATUSES } from './codes.js';
import { mapNationex } from './map.js';

// Nationex shipment ids are bare numbers (103882774) that many carriers' shapes share: no detection.
export const adapter: CarrierAdapter = {
  code: 'nationex',
  name: 'Nationex',
  kind: 'carrier',
  codeTables: [NATIONEX_STATUSES, NATIONEX_EXCEPTIONS],
  map: mapNationex,
};
