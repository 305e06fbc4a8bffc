import type { CarrierAdapter } from '../adapter.js';
import { SEVENTEENTRACK_PACKAGE_STATE, SEVENTEENTRACK_STATUS } from './codes.js';
import { mapSeventeenTrack } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

export const adapter: CarrierAdapter = {
  code: 'seventeentrack',
  name: '17TRACK',
  kind: 'aggregator',
  codeTables: [SEVENTEENTRACK_STATUS, SEVENTEENTRACK_PACKAGE_STATE],
  map: mapSeventeenTrack,
  webhook,
  poll,
};
