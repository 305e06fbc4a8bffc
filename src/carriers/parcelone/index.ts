import type { CarrierAdapter } from '../adapter.js';
import { PARCELONE_STATUS_CODES } from './codes.js';
import { mapParcelOne } from './map.js';

// ParcelOne hands parcels to last-mile carriers (DHL, UPS, its own PA1 network) and reports their scans
// in its own status names. Its tracking ids have no shape of their own: no detect().
export const adapter: CarrierAdapter = {
  code: 'parcelone',
  name: 'ParcelOne',
  kind: 'aggregator',
  codeTables: [PARCELONE_STATUS_CODES],
  map: mapParcelOne,
};
