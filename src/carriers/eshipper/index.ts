import type { CarrierAdapter } from '../adapter.js';
import { ESHIPPER_MILESTONES } from './codes.js';
import { mapEShipper } from './map.js';

// eShipper tracks with the underlying carrier's numbers: detection belongs to those carriers.
export const adapter: CarrierAdapter = {
  code: 'eshipper',
  name: 'eShipper',
  kind: 'aggregator',
  codeTables: [ESHIPPER_MILESTONES],
  map: mapEShipper,
};
