import { defineCodeTable } from '../adapter.js';

// eShipper is an aggregator: its events carry the underlying carrier's words and codes, which are read from
// their text. eShipper's own normalized layer is the shipment's `shipmentStatus` milestone flags; the
// furthest milestone reached is the shipment's current state, and the newest event takes it when its own
// words say nothing wismo can read, or when the flags say delivered and the words report no return or
// problem. Order of precedence: as listed.

export const ESHIPPER_MILESTONES = defineCodeTable('eShipper shipmentStatus milestone', {
  delivered: { status: 'delivered' },
  exception: {
    status: 'exception',
    substatus: 'unknown_problem',
    note: 'eShipper flags an exception without saying which; the carrier’s event text has the detail.',
  },
  inTransit: { status: 'in_transit', substatus: 'in_transit' },
  reachedAtWarehouse: {
    status: 'in_transit',
    substatus: 'arrived',
    note: 'The parcel reached the carrier’s (or a consolidation) warehouse.',
  },
  labelGenerated: { status: 'info_received', substatus: 'label_created' },
});

/** The milestones, furthest first. */
export const MILESTONE_ORDER = Object.keys(ESHIPPER_MILESTONES.rules);
