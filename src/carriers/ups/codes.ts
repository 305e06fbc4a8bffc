import { type CodeRule, defineCodeTable } from '../adapter.js';

// UPS speaks two code systems at once: a status *type* (D delivered, I in transit, M manifest, X exception,
// P pickup, …) and an activity status *code* (KB, FS, AR, DP, 48, …). The code is the more specific and is
// looked up first; the type is the class that decides for codes no table knows. UPS publishes no full list
// of activity codes: the table holds the codes seen in real answers and in widely used integrations.

export const UPS_ACTIVITY_CODES = defineCodeTable('UPS activity status code', {
  MP: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'Billing information received: a label exists.',
  },
  MV: { status: 'cancelled', substatus: 'label_voided', note: 'Shipment information voided.' },
  OR: { status: 'in_transit', substatus: 'picked_up', note: 'Origin scan: the first scan in UPS hands.' },
  PU: { status: 'in_transit', substatus: 'picked_up' },
  OC: { status: 'in_transit', substatus: 'picked_up', note: 'Order processed / collected.' },
  DP: { status: 'in_transit', substatus: 'departed' },
  AR: { status: 'in_transit', substatus: 'arrived' },
  AF: { status: 'in_transit', substatus: 'arrived' },
  LC: { status: 'in_transit', substatus: 'in_transit', note: 'Location scan.' },
  IP: {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: 'Import scan: entering the destination country.',
  },
  SR: {
    status: 'in_transit',
    substatus: 'customs_cleared',
    note: 'Released by the customs agency. UPS files it under type X, but it is progress, not a problem.',
  },
  DS: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Destination scan. UPS also sends DS with the words OUT FOR DELIVERY: the words then decide.',
  },
  OF: { status: 'out_for_delivery' },
  OT: { status: 'out_for_delivery' },
  KB: { status: 'delivered' },
  FS: { status: 'delivered' },
  F4: { status: 'delivered' },
  '2Y': {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'A delay notice (type X): a flag, not a problem.',
  },
  '48': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: 'Receiver not available at the first attempt; UPS tries again.',
  },
  DM: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'Guaranteed-service refund submitted: after a delivery it is paperwork, and derivation keeps delivered.',
  },
  RS: { status: 'returning', substatus: 'return_to_sender' },
});

export const UPS_STATUS_TYPES = defineCodeTable('UPS status type (the class of unknown activity codes)', {
  M: { status: 'info_received', substatus: 'label_created' },
  MV: { status: 'cancelled', substatus: 'label_voided' },
  P: { status: 'in_transit', substatus: 'picked_up' },
  I: { status: 'in_transit' },
  W: { status: 'in_transit', note: 'Warehousing.' },
  NA: { status: 'in_transit', note: 'Not available: nothing better to say than "on its way".' },
  O: { status: 'out_for_delivery' },
  D: { status: 'delivered' },
  DO: { status: 'delivered', note: 'Delivered to the origin freight station.' },
  DD: { status: 'delivered', note: 'Delivered to the destination freight station.' },
  RS: { status: 'returning', substatus: 'return_to_sender' },
  X: { status: 'exception', substatus: 'unknown_problem' },
});

/** The class rule of a status type, for activity codes the table does not know. */
export function typeRule(type: string | null): CodeRule | null {
  return type ? (UPS_STATUS_TYPES.rules[type] ?? null) : null;
}
