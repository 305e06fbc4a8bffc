import type { CarrierAdapter } from '../adapter.js';
import { STAMPS_EVENT_TYPES } from './codes.js';
import { mapStamps } from './map.js';

export const adapter: CarrierAdapter = {
  code: 'stamps_com',
  name: 'Stamps.com (USPS)',
  kind: 'aggregator',
  codeTables: [STAMPS_EVENT_TYPES],
  map: mapStamps,
};
