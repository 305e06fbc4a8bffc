import { defineCodeTable } from '../adapter.js';

// Dicom (Dicom Transportation Group, now GLS Canada) publishes no activity code list. Each activity has a
// `code` / `codeDetail` / `group` and a plain status word (`status`: "Delivered"). The table holds the codes
// seen in answers; an unknown code takes the status its status word plainly says (marked unmapped).

export const DICOM_ACTIVITY_CODES = defineCodeTable('Dicom activity code', {
  DL: {
    status: 'delivered',
    note: 'Group and code "DL", status word “Delivered”; the detail (e.g. NI, “Shipper Release NSR”) says how.',
  },
});
