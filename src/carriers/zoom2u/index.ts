import type { CarrierAdapter } from '../adapter.js';
import { ZOOM2U_STATUSES } from './codes.js';
import { mapZoom2u } from './map.js';

// Zoom2u booking references are a letter and 14 digits, the booking's date and a serial (Z20190101123456,
// T20200101999999). The shape is Zoom2u's own, but has no check digit: a middling confidence.
const REFERENCE = /^[A-Z](20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}$/;

export const adapter: CarrierAdapter = {
  code: 'zoom2u',
  name: 'Zoom2u',
  kind: 'carrier',
  codeTables: [ZOOM2U_STATUSES],
  map: mapZoom2u,
  detect(number) {
    return REFERENCE.test(number)
      ? [
          {
            carrier: 'zoom2u',
            confidence: 0.4,
            reason: 'Zoom2u booking reference shape (letter + date + serial)',
          },
        ]
      : [];
  },
};
