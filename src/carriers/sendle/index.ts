import type { CarrierAdapter } from '../adapter.js';
import { SENDLE_EVENT_TYPES } from './codes.js';
import { mapSendle } from './map.js';

// Sendle references ("S34WER4S") are short alphanumerics without a check digit, too common a shape to
// guess from: no detect().
export const adapter: CarrierAdapter = {
  code: 'sendle',
  name: 'Sendle',
  kind: 'carrier',
  codeTables: [SENDLE_EVENT_TYPES],
  map: mapSendle,
};
