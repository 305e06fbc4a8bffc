import type { CarrierAdapter } from '../adapter.js';
import { LANDMARK_CODES } from './codes.js';
import { mapLandmark } from './map.js';

// Landmark's own numbers are "LTN", digits, "N" and a package index (LTN38570299N1). No check digit is
// published, but the shape is Landmark's alone.
const LANDMARK_NUMBER = /^LTN\d{6,12}N\d{1,2}$/;

export const adapter: CarrierAdapter = {
  code: 'landmark',
  name: 'Landmark Global',
  kind: 'carrier',
  codeTables: [LANDMARK_CODES],
  map: mapLandmark,
  detect(number) {
    return LANDMARK_NUMBER.test(number)
      ? [{ carrier: 'landmark', confidence: 0.7, reason: 'Landmark LTN…N number shape, no check digit' }]
      : [];
  },
};
