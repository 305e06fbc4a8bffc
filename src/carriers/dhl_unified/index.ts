import type { CarrierAdapter } from '../adapter.js';
import { DHL_UNIFIED_CODES } from './codes.js';
import { mapDhlUnified } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

// DHL's one tracking API for all its divisions. Its numbers are those of the divisions (the tracking-number
// library's DHL shapes point here): no detect().
export const adapter: CarrierAdapter = {
  code: 'dhl_unified',
  name: 'DHL (Unified Shipment Tracking API)',
  kind: 'carrier',
  codeTables: [DHL_UNIFIED_CODES],
  map: mapDhlUnified,
  webhook,
  poll,
};
