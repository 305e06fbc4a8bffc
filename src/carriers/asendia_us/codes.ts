import type { CodeRule } from '../adapter.js';
import { defineCodeTable, lookupCode } from '../adapter.js';

// Asendia USA tracking milestones (trackingMilestoneEvents[].eventCode): "s" and the milestone number,
// with a letter for the steps inside one milestone (s2a–s2d: processing at Asendia's US hub). A step not
// in the table takes its milestone's status (unmapped).

export const ASENDIA_US_MILESTONES = defineCodeTable('Asendia USA milestone eventCode', {
  s1: {
    status: 'info_received',
    substatus: 'label_created',
    note: '"Shipment Information Received": Asendia has the data, not the parcel.',
  },
  s2: { status: 'in_transit', note: "Milestone 2: processing at Asendia's US hub (steps s2a–s2d)." },
  s2a: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"Processed By Asendia": first scan of the parcel.',
  },
  s2b: { status: 'in_transit', substatus: 'in_transit', note: '"Sorted by Asendia".' },
  s2c: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"Service dispatched by Asendia": assigned to its international service.',
  },
  s2d: {
    status: 'in_transit',
    substatus: 'departed',
    note: '"Shipment dispatched by Asendia": left the hub.',
  },
  s4: { status: 'in_transit', substatus: 'departed', note: '"Departed from USA".' },
  s5: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"Arrived in Destination Country": with the destination post, awaiting customs.',
  },
  s7: { status: 'in_transit', substatus: 'customs_cleared', note: '"Out of Customs".' },
  s8: { status: 'in_transit', substatus: 'arrived', note: '"Arrived at Destination Delivery Office".' },
  s10: { status: 'delivered', note: '"Delivered".' },
});

/** The status of a step's milestone ("s2e" → s2), for steps not in the table. */
export function milestoneRule(code: string | null): CodeRule | null {
  const milestone = /^(s\d+)[a-z]+$/i.exec(code ?? '')?.[1];
  return milestone ? (lookupCode(ASENDIA_US_MILESTONES, milestone.toLowerCase()) ?? null) : null;
}
