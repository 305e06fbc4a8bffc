import type { CarrierAdapter } from '../adapter.js';
import { UPS_ACTIVITY_CODES, UPS_STATUS_TYPES } from './codes.js';
import { mapUps } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

// UPS numbers (1Z… with their check digit) are detected by the tracking-number library.
export const adapter: CarrierAdapter = {
  code: 'ups',
  name: 'UPS',
  kind: 'carrier',
  codeTables: [UPS_ACTIVITY_CODES, UPS_STATUS_TYPES],
  map: mapUps,
  poll,
  webhook,
};
