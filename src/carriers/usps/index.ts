import type { CarrierAdapter } from '../adapter.js';
import { USPS_EVENT_CODES } from './codes.js';
import { mapUsps } from './map.js';
import { poll } from './poll.js';

// USPS numbers (IMpb 20/22/26/34 digits with their check digit) are detected by the tracking-number library.
export const adapter: CarrierAdapter = {
  code: 'usps',
  name: 'USPS',
  kind: 'carrier',
  codeTables: [USPS_EVENT_CODES],
  map: mapUsps,
  poll,
};
