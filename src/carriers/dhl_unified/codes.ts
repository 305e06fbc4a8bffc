import { defineCodeTable } from '../adapter.js';

// DHL Shipment Tracking - Unified API: every event (and the shipment's status) carries statusCode, DHL's own
// five-value class across its divisions (Express, Parcel DE, eCommerce, Freight). The division's detailed
// status only comes as text (status, description), so the class is the code wismo maps; text refines the
// "failure" class (see map.ts).

export const DHL_UNIFIED_CODES = defineCodeTable('DHL Unified API statusCode', {
  'pre-transit': {
    status: 'info_received',
    substatus: 'label_created',
    note: 'DHL knows the shipment (electronic notification) but has not received it yet.',
  },
  transit: { status: 'in_transit', substatus: 'in_transit' },
  delivered: { status: 'delivered' },
  failure: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: "DHL's class for any unsuccessful outcome. When the event text says a delivery attempt failed, or a return, that reading wins (karrio reads the class as a failed delivery).",
  },
  unknown: {
    status: 'in_transit',
    note: 'DHL cannot classify the event; it is still a scan of a moving shipment (karrio reads it as delayed).',
  },
});
