import type { CarrierAdapter } from '../adapter.js';
import { SMARTKARGO_CODES } from './codes.js';
import { mapSmartKargo } from './map.js';

// SmartKargo is tracked by the shipper's own reference (headerReference): no shape to detect.
export const adapter: CarrierAdapter = {
  code: 'smartkargo',
  name: 'SmartKargo',
  kind: 'carrier',
  codeTables: [SMARTKARGO_CODES],
  map: mapSmartKargo,
};
