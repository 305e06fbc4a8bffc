import { defineCodeTable } from '../adapter.js';

// Teleship event codes (its tracking API and shipment.updated webhooks). Teleship moves parcels across
// borders with first- and last-mile partners; its codes are the milestones of that chain.

export const TELESHIP_CODES = defineCodeTable('Teleship event code', {
  pending: { status: 'info_received', note: 'Shipment registered; nothing has moved.' },
  created: { status: 'info_received', substatus: 'label_created' },
  label_created: { status: 'info_received', substatus: 'label_created' },
  collected: { status: 'in_transit', substatus: 'picked_up', note: 'Collected from the sender.' },
  in_hub: { status: 'in_transit', substatus: 'arrived', note: 'Arrived at a Teleship sorting hub.' },
  in_transit: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: 'Teleship also sends this code with texts such as "Out for delivery"; the code decides.',
  },
  customs_cleared: { status: 'in_transit', substatus: 'customs_cleared' },
  out_for_delivery: { status: 'out_for_delivery' },
  delivered: { status: 'delivered' },
  delivery_failed: { status: 'attempt_failed', note: 'A failed delivery attempt; usually retried.' },
  returned: {
    status: 'returning',
    substatus: 'return_to_sender',
    note: 'Teleship does not say whether the parcel is back yet; a later delivery scan closes the return.',
  },
  cancelled: { status: 'cancelled', substatus: 'label_voided' },
});
