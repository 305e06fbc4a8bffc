import type { CarrierAdapter } from '../adapter.js';
import { HERMES_STATUS_CODES } from './codes.js';
import { mapHermes } from './map.js';

// Hermes Germany shipment ids ("H1234567890123456789", or 14 digits) have no check digit wismo can verify:
// no detect().
export const adapter: CarrierAdapter = {
  code: 'hermes',
  name: 'Hermes Germany',
  kind: 'carrier',
  codeTables: [HERMES_STATUS_CODES],
  map: mapHermes,
};
