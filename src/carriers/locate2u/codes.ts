import { defineCodeTable } from '../adapter.js';

// Locate2u (delivery-run planning, Australia) stop statuses, as karrio's connector lists them. A stop is
// one delivery (or pickup) on a driver's run; its status changes as the run goes.

export const LOCATE2U_STATUSES = defineCodeTable('Locate2u stop status', {
  Pending: {
    status: 'info_received',
    substatus: null,
    note: 'The stop is planned on a run that has not reached it (karrio reads it as in transit).',
  },
  Enroute: {
    status: 'out_for_delivery',
    note: 'The driver is on the way to this stop: the last mile.',
  },
  Arrived: { status: 'out_for_delivery', note: 'The driver is at the stop; not complete yet.' },
  Complete: { status: 'delivered' },
  Failed: {
    status: 'attempt_failed',
    substatus: null,
    note: 'The driver could not complete the stop; Locate2u gives no reason.',
  },
  Delayed: { status: 'in_transit', substatus: 'carrier_delay' },
  'On Hold': { status: 'exception', substatus: 'held' },
  Cancelled: { status: 'cancelled' },
});
