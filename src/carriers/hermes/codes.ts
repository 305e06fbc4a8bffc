import type { CodeRule } from '../adapter.js';
import { defineCodeTable } from '../adapter.js';

// Hermes Germany shipment info (HSI API) status codes: four digits whose thousands digit is the stage
// (0 = announced, 1 and 2 = in the Hermes network, 3 = last mile). Codes outside the table take their
// stage where the stage alone says enough (0, 1, 2); last-mile codes are read from their description.

export const HERMES_STATUS_CODES = defineCodeTable('Hermes Germany status code', {
  '0000': {
    status: 'info_received',
    substatus: 'label_created',
    note: '"The shipment has been notified to Hermes electronically": Hermes has the data, not the parcel.',
  },
  '2000': {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"The shipment has arrived at the Hermes distribution center."',
  },
  '3000': {
    status: 'out_for_delivery',
    note: '"The shipment has gone out on a delivery route. Delivery is expected today."',
  },
  '3500': { status: 'delivered', note: '"The shipment has been delivered."' },
});

const STAGES: Record<string, CodeRule> = {
  '0': { status: 'info_received', substatus: 'label_created' },
  '1': { status: 'in_transit' },
  '2': { status: 'in_transit' },
};

/** The status of a code's stage (its thousands digit), when the stage alone says enough. */
export function stageRule(code: string | null): CodeRule | null {
  return code && /^\d{4}$/.test(code) ? (STAGES[code[0] as string] ?? null) : null;
}
