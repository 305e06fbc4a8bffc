import type { CodeRule } from '../adapter.js';
import { defineCodeTable, lookupCode } from '../adapter.js';

// Spring GDS XBS API TrackShipment event codes (Events[].Code). Two- and three-digit codes are the steps;
// longer codes refine one (2101 = 21 "international transport" + "exported", 12503 = 125 "return
// received" + "damaged"). Unknown refinements take their step's status (unmapped).

export const SPRING_EVENT_CODES = defineCodeTable('Spring XBS event code', {
  '0': { status: 'info_received', substatus: 'label_created', note: 'PARCEL CREATED: the label exists.' },
  '12': {
    status: 'info_received',
    note: 'PREPARATION PROCESS: the shipment is being prepared; Spring does not have it yet.',
  },
  '15': { status: 'in_transit', substatus: 'picked_up', note: 'COLLECTION TRANSPORT: on its way to Spring.' },
  '18': { status: 'in_transit', substatus: 'picked_up', note: 'COLLECTION: collected from the sender.' },
  '19': { status: 'in_transit', substatus: 'arrived', note: 'PROCESSING DEPOT.' },
  '20': { status: 'in_transit', substatus: 'picked_up', note: 'ACCEPTED: first scan in the Spring network.' },
  '21': { status: 'in_transit', substatus: 'in_transit', note: 'INTERNATIONAL TRANSPORT.' },
  '2101': { status: 'in_transit', substatus: 'departed', note: 'IN TRANSIT - EXPORTED.' },
  '2102': { status: 'in_transit', substatus: 'customs_cleared', note: 'ITEM RELEASED FROM CUSTOMS.' },
  '2103': { status: 'in_transit', substatus: 'arrived', note: 'IN TRANSIT - IMPORTED.' },
  '22': { status: 'in_transit', substatus: 'in_transit', note: 'CROSSDOCK.' },
  '25': {
    status: 'in_transit',
    note: 'END OF TRACKING UPDATES: Spring stops reporting (untracked last mile); it says nothing about delivery.',
  },
  '31': {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'DELIVERY EXCEPTION - ACTION REQUIRED: the sender or recipient must act.',
  },
  '40': {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: 'IN CUSTOMS: the normal clearance step, not a hold (karrio: on hold).',
  },
  '41': { status: 'exception', substatus: 'customs_hold', note: 'CUSTOMS EXCEPTION.' },
  '91': { status: 'attempt_failed', substatus: 'recipient_unavailable', note: 'DELIVERY ATTEMPTED.' },
  '9101': {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'AT TRANSFER DEPOT LMC: with the last-mile carrier.',
  },
  '9102': { status: 'in_transit', substatus: 'in_transit', note: 'IN TRANSIT (last-mile carrier).' },
  '92': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: 'DELIVERY AWAITING COLLECTION.',
  },
  '93': { status: 'in_transit', substatus: 'arrived', note: 'AT LOCAL DEPOT LMC.' },
  '9301': { status: 'out_for_delivery', note: 'OUT FOR DELIVERY.' },
  '9302': {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: 'DELIVERY EXCEPTION - DELAYED: a delay flag, not a problem with the parcel.',
  },
  '100': { status: 'delivered', note: 'DELIVERED.' },
  '101': {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: 'DELIVERED TO DESTINATION COUNTRY: handed to the destination postal operator, not to the recipient (karrio: delivered).',
  },
  '111': { status: 'exception', substatus: 'lost', note: 'LOST OR DESTROYED.' },
  '1001': {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'ITEM INCOMPLETE DATA: shipment data must be completed before it can move on.',
  },
  '4106': { status: 'cancelled', note: 'CONSIGNMENT CANCELLED.' },
  '124': { status: 'returning', substatus: 'return_to_sender', note: 'RETURN IN TRANSIT.' },
  '12406': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN DELIVERED BY CARRIER.' },
  '125': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN RECEIVED.' },
  '12501': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN RECEIVED - REFUSED.' },
  '12502': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN RECEIVED - UNDELIVERABLE.' },
  '12503': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN RECEIVED - DAMAGED.' },
  '12504': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN RECEIVED - NOT COLLECTED.' },
  '12505': {
    status: 'returned',
    substatus: 'return_to_sender',
    note: 'RETURN RECEIVED - ACCORDING TO AGREEMENT.',
  },
  '12506': { status: 'returned', substatus: 'return_to_sender', note: 'RETURN RECEIVED - DESTROYED.' },
  '9999': {
    status: 'in_transit',
    note: 'INFORMATION: a notice from the carrier while the parcel moves, not a step of its own.',
  },
});

/** The status of the step a refinement belongs to (9303 → 93, 12507 → 125), for codes not in the table. */
export function stepRule(code: string | null): CodeRule | null {
  if (!code || !/^\d{4,5}$/.test(code)) return null;
  return lookupCode(SPRING_EVENT_CODES, code.slice(0, -2)) ?? null;
}
