import type { CarrierAdapter } from '../adapter.js';
import { DICOM_ACTIVITY_CODES } from './codes.js';
import { mapDicom } from './map.js';

// Dicom waybills (W1234567) are too short and plain to tell from other carriers': no detection.
export const adapter: CarrierAdapter = {
  code: 'dicom',
  name: 'Dicom',
  kind: 'carrier',
  codeTables: [DICOM_ACTIVITY_CODES],
  map: mapDicom,
};
