import type { CarrierAdapter } from '../adapter.js';
import { AFTERSHIP_SUBTAG, AFTERSHIP_TAG } from './codes.js';
import { mapAfterShip } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

export const adapter: CarrierAdapter = {
  code: 'aftership',
  name: 'AfterShip',
  kind: 'aggregator',
  codeTables: [AFTERSHIP_SUBTAG, AFTERSHIP_TAG],
  map: mapAfterShip,
  webhook,
  poll,
};
