import { defineCodeTable } from '../adapter.js';

// HayPost (Armenian post) order states: orderStateHistories[].stateId. HayPost publishes no names for them;
// the groups are karrio's HayPost connector's, except state 1 (see its note).

const KARRIO = 'HayPost publishes no state names; group from karrio’s HayPost connector.';

export const HAY_POST_STATES = defineCodeTable('HayPost order stateId', {
  '1': {
    status: 'info_received',
    substatus: 'label_created',
    note: 'The state an order gets when it is created: recorded in the same second as the order, before HayPost verifies it (isVerified false, no transaction). karrio counts it as in transit.',
  },
  '2': { status: 'in_transit', note: KARRIO },
  '5': { status: 'in_transit', note: KARRIO },
  '7': { status: 'in_transit', note: KARRIO },
  '6': { status: 'delivered', note: KARRIO },
  '3': { status: 'attempt_failed', note: KARRIO },
  '4': { status: 'attempt_failed', note: KARRIO },
  '10': { status: 'attempt_failed', note: KARRIO },
  '8': { status: 'in_transit', substatus: 'carrier_delay', note: `Delayed. ${KARRIO}` },
  '9': { status: 'in_transit', substatus: 'carrier_delay', note: `Delayed. ${KARRIO}` },
  '11': { status: 'exception', substatus: 'held', note: `On hold. ${KARRIO}` },
});
