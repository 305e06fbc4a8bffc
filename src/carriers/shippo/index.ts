import type { CarrierAdapter } from '../adapter.js';
import { SHIPPO_STATUS, SHIPPO_SUBSTATUS } from './codes.js';
import { mapShippo } from './map.js';
import { webhook } from './webhook.js';

export const adapter: CarrierAdapter = {
  code: 'shippo',
  name: 'Shippo',
  kind: 'aggregator',
  codeTables: [SHIPPO_SUBSTATUS, SHIPPO_STATUS],
  map: mapShippo,
  webhook,
};
