import type { CarrierAdapter } from '../adapter.js';
import { FEDEX_DERIVED_CODES, FEDEX_EVENT_CODES, FEDEX_EXCEPTION_CODES } from './codes.js';
import { mapFedex } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

// FedEx numbers (12, 15, 20, 22 digits, door tags) are known to the tracking-number library with their
// check digits, so this adapter adds no shapes of its own.
export const adapter: CarrierAdapter = {
  code: 'fedex',
  name: 'FedEx',
  kind: 'carrier',
  codeTables: [FEDEX_EXCEPTION_CODES, FEDEX_EVENT_CODES, FEDEX_DERIVED_CODES],
  map: mapFedex,
  poll,
  webhook,
};
