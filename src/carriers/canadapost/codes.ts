import { type CodeRule, defineCodeTable } from '../adapter.js';

// Canada Post tracking event identifiers (significant-events/occurrence/event-identifier), keyed as Canada
// Post sends them: four digits, zero-padded ("0174", "0100"), except the signature events "20" and "21".
// The mapper also tries the padded and unpadded forms, so "174" and "0020" find their rows. Descriptions
// are Canada Post's own (developer "Messages and code tables", tracking scan events); the statuses are
// wismo's reading of them. karrio's table lists the same identifiers unpadded, so Canada Post's padded
// ones never match it (SOURCES.md, "Carrier code tables karrio uses").

const each = (codes: readonly string[], rule: CodeRule): Record<string, CodeRule> =>
  Object.fromEntries(codes.map((code) => [code, rule]));

const PROCESSED: CodeRule = { status: 'in_transit', substatus: null, note: '“Item processed”: a sort scan.' };
const RETURNING: CodeRule = { status: 'returning', substatus: 'return_to_sender' };
const UNDELIVERABLE: CodeRule = {
  status: 'exception',
  substatus: 'undeliverable',
  note: '“Item cannot be delivered; more details to be provided” / sent to the Undeliverable Mail Office.',
};
const NEXT_DAY: CodeRule = {
  status: 'in_transit',
  substatus: 'carrier_delay',
  note: '“Delivery delayed to next business day”: a delay flag, not a failure.',
};
const MAILROOM: CodeRule = {
  status: 'delivered',
  substatus: null,
  note: 'Delivered to the building mailroom, concierge or the recipient’s delivery partner.',
};
const PROOF: CodeRule = {
  status: 'in_transit',
  substatus: null,
  note: 'Proof-of-delivery paperwork (signature image, verbal signature, photo) that Canada Post sends beside its 14xx delivery scan, sometimes days later; not a delivery by itself. active_shipping’s undelivered sample keeps a "20" from an earlier, mis-addressed delivery while the item is out for delivery again.',
};
const NOTICE_CARD: CodeRule = {
  status: 'available_for_pickup',
  substatus: 'held_at_facility',
  note: '“Notice card left indicating where and when to pick up item”: delivery was attempted; Canada Post makes one attempt and holds the item at a post office, so the next step is the recipient’s pickup.',
};

export const CANADAPOST_EVENTS = defineCodeTable('Canada Post event identifier', {
  // Before the item is in Canada Post's hands.
  '3000': {
    status: 'info_received',
    substatus: 'label_created',
    note: '“Electronic information submitted by shipper” / “Order information received by Canada Post”.',
  },
  '3002': { status: 'info_received', substatus: 'label_created', note: '“Return label created”.' },
  '0190': {
    status: 'cancelled',
    substatus: 'label_voided',
    note: '“Retail transaction has been voided”.',
  },
  // Accepted, picked up.
  ...each(['1300', '1301', '1302'], {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '“Item accepted (at the Post Office)”.',
  }),
  '1303': {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '“Return item accepted at Post Office”: the first scan of a return label’s own PIN.',
  },
  '2300': { status: 'in_transit', substatus: 'picked_up', note: '“Item picked up by Canada Post”.' },
  '4000': {
    status: 'in_transit',
    substatus: 'dropped_off',
    note: '“International item mailed in origin country”.',
  },
  // Moving through the network.
  ...each(
    ['0100', '0102', '0104', '0105', '0106', '0107', '0170', '1240', '1241', '1244', '2500', '2501'],
    PROCESSED,
  ),
  '4100': {
    status: 'in_transit',
    substatus: null,
    note: '“International item processed in origin country”.',
  },
  ...each(['0175', '0804'], { status: 'in_transit', substatus: 'in_transit', note: '“Item in transit”.' }),
  ...each(['0400', '0405'], { status: 'in_transit', substatus: 'arrived', note: '“Item arrived”.' }),
  '0410': { status: 'in_transit', substatus: 'departed', note: '“Item departed”.' },
  '0113': { status: 'in_transit', substatus: 'arrived', note: '“Item arrived at partner facility”.' },
  '0114': { status: 'in_transit', substatus: 'departed', note: '“Item departed partner facility”.' },
  ...each(['0115', '0116'], {
    status: 'in_transit',
    substatus: 'handed_to_partner',
    note: '“Item transferred to partner”.',
  }),
  '4202': {
    status: 'in_transit',
    substatus: 'departed',
    note: '“International item has left the origin country and is en route to Canada”.',
  },
  ...each(['4310', '4311'], {
    status: 'in_transit',
    substatus: 'arrived',
    note: '“International item has arrived in a foreign country”.',
  }),
  '4550': { status: 'in_transit', substatus: 'in_transit', note: '“In transit to delivery office”.' },
  '4600': {
    status: 'in_transit',
    substatus: 'arrived',
    note: '“Item has been received at the delivery office in the destination country”.',
  },
  '4900': {
    status: 'in_transit',
    substatus: 'arrived',
    note: '“International item has arrived at transit destination”.',
  },
  ...each(['4950', '8901'], {
    status: 'in_transit',
    substatus: 'departed',
    note: '“International item forwarded onwards to destination”.',
  }),
  '0700': {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'Item arrived in Canada and was sent to the mail processing plant (Canada Post’s French description; its English one repeats another code’s).',
  },
  '0815': { status: 'in_transit', substatus: null, note: '“International item being prepared for export”.' },
  '1703': { status: 'in_transit', substatus: null, note: '“Item in transit to Post Office”.' },
  '1705': { status: 'in_transit', substatus: null, note: '“Item in transit to automated parcel locker”.' },
  // Customs.
  ...each(['0701', '0800', '4330', '4400'], {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: 'Presented to customs for review (Canada Border Services Agency, or customs in the destination country).',
  }),
  ...each(['0130', '0900', '0910', '4500', '5201'], {
    status: 'in_transit',
    substatus: 'customs_cleared',
    note: '“International item released from Customs”.',
  }),
  '4450': {
    status: 'in_transit',
    substatus: 'customs_cleared',
    note: '“Item returned to Post from Customs”: customs handed it back to the post for delivery.',
  },
  '2601': {
    status: 'in_transit',
    substatus: 'customs_clearance',
    note: '“Item is en route to Canadian Customs”.',
  },
  ...each(['0127', '0810'], {
    status: 'exception',
    substatus: 'customs_hold',
    note: '“Item held at/by customs”.',
  }),
  '0117': {
    status: 'exception',
    substatus: 'customs_hold',
    note: '“Item on hold. Documentation irregularity”: customs paperwork.',
  },
  ...each(['1487', '1495'], {
    status: 'exception',
    substatus: 'customs_hold',
    note: '“Item being returned to Canadian Customs for appeal of duties”.',
  }),
  ...each(['1210', '1214', '1215', '1216'], {
    status: 'in_transit',
    substatus: null,
    note: 'Duty and taxes paid or refunded online: payment news, not movement.',
  }),
  // Delays, reroutes, schedule changes: flags and news, not steps.
  '0159': {
    status: 'in_transit',
    substatus: 'weather_delay',
    note: '“Delivery may be delayed due to extreme weather conditions”.',
  },
  ...each(['0160', '0161', '0162', '0163'], {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '“Delivery may be delayed” (public authority or demonstration, labour disruption, transportation delay, power outage).',
  }),
  ...each(['0171', '1412', '2412'], {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '“Verifying recipient’s address; Possible delay”: Canada Post checks the address itself.',
  }),
  '0172': {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '“Item re-routed due to processing error; Possible delay”.',
  },
  '0173': {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '“Customer addressing error found; attempting to correct. Possible delay”: Canada Post corrects the address and the item keeps moving (an address the recipient must fix is 0120 or a return).',
  },
  ...each(['1414', '2414'], {
    status: 'in_transit',
    substatus: 'carrier_delay',
    note: '“Item rescheduled for delivery next business day”.',
  }),
  ...each(['0621', '0622', '0623', '0624', '0625', '0626', '0627', '0628'], NEXT_DAY),
  ...each(['1200', '1203'], {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: '“Expected delivery date updated”.',
  }),
  '1444': {
    status: 'in_transit',
    substatus: 'rescheduled',
    note: '“Delivery scheduled for next business day”.',
  },
  ...each(['1220', '1221', '1223', '1224', '1225'], {
    status: 'in_transit',
    substatus: null,
    note: '“Delivery preference” recorded (front door, side door, garage, front desk, post office): news only.',
  }),
  ...each(['1230', '1232'], {
    status: 'in_transit',
    substatus: 'rerouted',
    note: '“Redirection requested”.',
  }),
  ...each(['1480', '1490'], {
    status: 'in_transit',
    substatus: 'rerouted',
    note: '“Item redirected to recipient’s new address”.',
  }),
  '1234': { status: 'in_transit', substatus: null, note: '“Redirection request cancelled by shipper”.' },
  '1245': {
    status: 'in_transit',
    substatus: null,
    note: '“Item could not be redirected”: it continues to the original address.',
  },
  '0198': { status: 'in_transit', substatus: null, note: '“Label correction applied”.' },
  '0629': {
    status: 'in_transit',
    substatus: null,
    note: '“Locker pickup expired; Post office pickup details to follow”: moved from the locker to a post office.',
  },
  ...each(['0152', '2101'], {
    status: 'in_transit',
    substatus: null,
    note: 'COD remittance to the sender (“COD Payment is being issued”, “Waiting for COD Remittance return”): paperwork after delivery, never a step back.',
  }),
  // Last mile.
  ...each(['0174', '0500'], { status: 'out_for_delivery', substatus: null }),
  '1443': {
    status: 'attempt_failed',
    substatus: 'recipient_unavailable',
    note: '“Attempted delivery. Item rescheduled for delivery next business day”: will be retried.',
  },
  ...each(['1411', '2411'], {
    status: 'attempt_failed',
    substatus: 'business_closed',
    note: '“Business closed for the day. Item on hold for second delivery attempt”.',
  }),
  '0630': {
    status: 'attempt_failed',
    substatus: null,
    note: '“Unable to deliver to locker; Post office pickup details to follow”.',
  },
  '1479': NOTICE_CARD,
  ...each(['1435', '1436', '1437', '1438', '1488'], NOTICE_CARD),
  '0156': {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: '“Final Notice; Item will be returned to sender if not collected within 10 days”: still waiting at the post office.',
  },
  ...each(['1407', '2407'], {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: '“Item available for pick-up”.',
  }),
  '1701': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: '“Item available for pickup at Post Office”.',
  },
  '1405': {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: '“Delivered to automated parcel locker”: the recipient still has to collect it (1406).',
  },
  ...each(['1410', '2410'], {
    status: 'available_for_pickup',
    substatus: 'held_at_facility',
    note: '“Item on hold at recipient’s request” (French: arrived at the post office, held at the recipient’s request, e.g. Card for Pickup).',
  }),
  // Delivered.
  ...each(['1496', '1498', '1476'], { status: 'delivered', substatus: null }),
  ...each(['1408', '1409'], {
    status: 'delivered',
    substatus: 'signed',
    note: '“Delivered; Contact customer service for copy of signature”.',
  }),
  ...each(['1421', '1422', '1423', '1428', '1429', '1430'], {
    status: 'delivered',
    substatus: 'left_at_door',
    note: 'Delivered to the recipient’s front, side or back door.',
  }),
  ...each(['1424', '1431'], {
    status: 'delivered',
    substatus: 'delivered_to_safe_place',
    note: '“Delivered at or in recipient’s garage”.',
  }),
  ...each(['1426', '1433', '5300'], {
    status: 'delivered',
    substatus: 'delivered_to_safe_place',
    note: '“Delivered to recipient’s parcel box”.',
  }),
  ...each(['1427', '1434', '1497', '1499'], {
    status: 'delivered',
    substatus: 'delivered_to_safe_place',
    note: '“Delivered to recipient’s safe drop location”.',
  }),
  ...each(['1425', '1432'], {
    status: 'delivered',
    substatus: null,
    note: '“Delivered to building superintendent or security agent”.',
  }),
  ...each(['1441', '1442'], {
    status: 'delivered',
    substatus: null,
    note: '“Delivered to community mailbox or parcel locker”: the recipient’s own compartment.',
  }),
  ...each(
    ['1461', '1462', '1463', '1465', '1466', '1467', '1468', '1469', '1471', '1472', '1473', '1475'],
    MAILROOM,
  ),
  '1406': {
    status: 'delivered',
    substatus: 'collected',
    note: '“Item picked up from automated parcel locker”.',
  },
  ...each(['0610', '0611', '0612', '0613', '0614', '0615', '0616', '0617', '0618', '0619', '0620'], {
    status: 'delivered',
    substatus: null,
    note: '“Item is at recipient’s front door / in your community mailbox / with your concierge…”: the item is at the recipient’s address.',
  }),
  ...each(['20', '21', '2001'], PROOF),
  // Problems.
  '0118': {
    status: 'exception',
    substatus: 'held',
    note: '“Item held. Recipient outside partner service area”.',
  },
  '0120': {
    status: 'exception',
    substatus: 'address_issue',
    note: '“Item on hold. Incorrect or incomplete address”.',
  },
  '0121': {
    status: 'exception',
    substatus: 'refused',
    note: '“Item on hold. Refused or unclaimed by recipient”.',
  },
  '0150': {
    status: 'exception',
    substatus: 'undeliverable',
    note: '“Hold period expired; Item has been disposed of”.',
  },
  '0710': {
    status: 'exception',
    substatus: 'damaged',
    note: '“Item arrived in Canada damaged. Sent for further processing”.',
  },
  ...each(['0179', '1483', '1493', '4650'], UNDELIVERABLE),
  '1450': {
    status: 'exception',
    substatus: 'held',
    note: '“Item on hold at a secure facility; contact Customer Service”.',
  },
  ...each(['1484', '1494', '4700'], { status: 'exception', substatus: 'held', note: '“Item on hold”.' }),
  // Back to the sender.
  ...each(['0167', '0168', '0169', '0181', '0182', '0183', '0184'], {
    ...RETURNING,
    note: 'International item being returned to sender (postage, label, documentation, service suspended, non-mailable).',
  }),
  '1100': {
    ...RETURNING,
    note: '“Refused by Customs. Unacceptable sender info. Item being returned to sender”.',
  },
  ...each(['1415', '1418', '1420', '3001'], { ...RETURNING, note: '“Item being returned to sender”.' }),
  ...each(['1416', '1481', '1491'], {
    ...RETURNING,
    note: '“Recipient not located at address provided. Item being returned to sender”.',
  }),
  ...each(['1417', '1482', '1492'], {
    ...RETURNING,
    note: '“Item refused (or unclaimed) by recipient. Item being returned to sender”: the return is the news.',
  }),
  '1419': { ...RETURNING, note: '“Item was unclaimed by recipient. Item being returned to sender”.' },
  '2600': { ...RETURNING, note: '“Item has been returned and is enroute to the Sender”.' },
  '2802': { ...RETURNING, note: '“International item was undeliverable. Item being returned to sender”.' },
});
