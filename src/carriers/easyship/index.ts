import type { CarrierAdapter } from '../adapter.js';
import { EASYSHIP_STATUS } from './codes.js';
import { mapEasyship } from './map.js';

export const adapter: CarrierAdapter = {
  code: 'easyship',
  name: 'Easyship',
  kind: 'aggregator',
  codeTables: [EASYSHIP_STATUS],
  map: mapEasyship,
};
