import type { CarrierAdapter } from '../adapter.js';
import { ROYALMAIL_EVENT_CODES } from './codes.js';
import { mapRoyalMail } from './map.js';

// Royal Mail's UPU S10 numbers (…GB) are recognised by the tracking-number library; its 21-character
// uniqueItemIds carry no check digit, too loose a shape to guess from: no detect().
export const adapter: CarrierAdapter = {
  code: 'royalmail',
  name: 'Royal Mail',
  kind: 'carrier',
  codeTables: [ROYALMAIL_EVENT_CODES],
  map: mapRoyalMail,
};
