import type { CarrierAdapter } from '../adapter.js';
import { TELESHIP_CODES } from './codes.js';
import { mapTeleship } from './map.js';

export const adapter: CarrierAdapter = {
  code: 'teleship',
  name: 'Teleship',
  kind: 'carrier',
  codeTables: [TELESHIP_CODES],
  map: mapTeleship,
};
