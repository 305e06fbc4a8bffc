import { defineCodeTable } from '../adapter.js';

// BoxKnight (same-day courier) order statuses, as karrio's connector lists them. An order carries its
// current status but no time for it; only the creation-time statuses (CREATED, GEOCODED: BoxKnight geocodes
// the address when the order is created) can be dated, by the order's createdAt. The others are kept as the
// shipment's carrier status until a time comes with them.

export const BOXKNIGHT_STATUSES = defineCodeTable('BoxKnight order status', {
  CREATED: { status: 'info_received', substatus: 'label_created', note: 'The order exists.' },
  GEOCODED: {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The recipient’s address was located: the order is ready to be planned, nothing has moved (karrio reads it as on hold).',
  },
  DELIVERY_ASSIGNED: {
    status: 'info_received',
    substatus: null,
    note: 'A driver was assigned; the parcel is still with the merchant.',
  },
  PICKUP_EN_ROUTE: {
    status: 'info_received',
    substatus: null,
    note: 'The driver is on the way to the merchant; nothing has moved yet.',
  },
  PICKUP_COMPLETED: { status: 'in_transit', substatus: 'picked_up' },
  DELIVERY_EN_ROUTE: { status: 'out_for_delivery' },
  DELIVERY_COMPLETED: { status: 'delivered' },
});

/** Statuses that happen when the order is created, so its createdAt is their time. */
export const AT_CREATION = new Set(['CREATED', 'GEOCODED']);
