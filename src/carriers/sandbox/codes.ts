import { defineCodeTable } from '../adapter.js';

export const SANDBOX_CODES = defineCodeTable('Sandbox event code', {
  LC: { status: 'info_received', substatus: 'label_created' },
  PU: { status: 'in_transit', substatus: 'picked_up' },
  DP: { status: 'in_transit', substatus: 'departed' },
  AR: { status: 'in_transit', substatus: 'arrived' },
  CC: { status: 'in_transit', substatus: 'customs_clearance' },
  DL: {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'A delay is a flag on the shipment, not a step back.',
  },
  WX: { status: 'in_transit', substatus: 'weather_delay' },
  OD: { status: 'out_for_delivery' },
  AF: { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  PP: { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  DV: { status: 'delivered' },
  DS: { status: 'delivered', substatus: 'signed' },
  AI: { status: 'exception', substatus: 'address_issue' },
  LS: { status: 'exception', substatus: 'lost' },
  DM: { status: 'exception', substatus: 'damaged' },
  RT: { status: 'returning', substatus: 'return_to_sender' },
  RD: { status: 'returned' },
  CA: { status: 'cancelled', substatus: 'label_voided' },
});
