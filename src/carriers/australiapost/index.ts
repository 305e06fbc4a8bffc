import type { CarrierAdapter } from '../adapter.js';
import { AUSPOST_EVENT_DESCRIPTIONS } from './codes.js';
import { mapAustraliaPost } from './map.js';

// Australia Post's UPU S10 numbers (…AU) are recognised by the tracking-number library; its other article
// ids (SSCC-like digits, eParcel references) have no shape of their own: no detect().
export const adapter: CarrierAdapter = {
  code: 'australiapost',
  name: 'Australia Post',
  kind: 'carrier',
  codeTables: [AUSPOST_EVENT_DESCRIPTIONS],
  map: mapAustraliaPost,
};
