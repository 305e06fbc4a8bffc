import type { CarrierAdapter } from '../adapter.js';
import { CANPAR_CODES } from './codes.js';
import { mapCanpar } from './map.js';

// Canpar barcodes are "D" and 21 digits (D999999988030400000008). The tracking-number library does not know
// them, and wismo cannot verify a check digit, so the shape alone gives a middling confidence.
const CANPAR_BARCODE = /^D\d{21}$/;

export const adapter: CarrierAdapter = {
  code: 'canpar',
  name: 'Canpar Express',
  kind: 'carrier',
  codeTables: [CANPAR_CODES],
  map: mapCanpar,
  detect(number) {
    return CANPAR_BARCODE.test(number)
      ? [
          {
            carrier: 'canpar',
            confidence: 0.5,
            reason: 'Canpar barcode shape (D + 21 digits), no check digit',
          },
        ]
      : [];
  },
};
