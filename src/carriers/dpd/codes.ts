import { defineCodeTable } from '../adapter.js';

// DPD ParcelLifeCycle (getTrackingData) statusInfo.status values. DPD writes detailed steps in CamelCase
// (the ones its tracking page shows) and, in older answers, the five milestones in capitals.

export const DPD_STATUSES = defineCodeTable('DPD ParcelLifeCycle statusInfo status', {
  PickedUp: {
    status: 'in_transit',
    substatus: 'picked_up',
    note: '"DPD has received your parcel": also written when DPD takes a parcel back from a Pickup parcelshop.',
  },
  BetweenDepots: {
    status: 'in_transit',
    substatus: 'in_transit',
    note: '"The parcel is at the parcel dispatch centre": moving between depots.',
  },
  Depot: {
    status: 'in_transit',
    substatus: 'arrived',
    note: '"At parcel delivery centre": DPD labels it "Parcel out for delivery" (the stage), but the parcel is still at the depot.',
  },
  Courier: {
    status: 'out_for_delivery',
    note: '"The parcel has left the parcel delivery centre and is on its way to the consignee."',
  },
  DeliveryFailure: {
    status: 'attempt_failed',
    note: '"Unfortunately we have not been able to deliver your parcel": DPD gives no reason, so no substatus.',
  },
  ReturningFromDelivery: {
    status: 'attempt_failed',
    note: '"After an unsuccessful delivery attempt the parcel is back at the recipient depot": the failed round is over, the parcel is not on a vehicle (karrio: out_for_delivery).',
  },
  ParcelShop: {
    status: 'available_for_pickup',
    substatus: 'at_pickup_point',
    note: '"Delivered by driver to Pickup parcelshop": the recipient collects it there.',
  },
  Delivered: { status: 'delivered' },
  Accepted: { status: 'in_transit', substatus: 'picked_up' },
  AtSendingDepot: { status: 'in_transit', substatus: 'arrived' },
  OnTheRoad: { status: 'in_transit', substatus: 'in_transit' },
  AtDeliveryDepot: { status: 'in_transit', substatus: 'arrived' },
  ACCEPTED: { status: 'in_transit', substatus: 'picked_up', note: 'Milestone "Parcel handed to DPD".' },
  AT_SENDING_DEPOT: { status: 'in_transit', substatus: 'arrived', note: 'Milestone "At sending depot".' },
  ON_THE_ROAD: { status: 'in_transit', substatus: 'in_transit', note: 'Milestone "On the road".' },
  AT_DELIVERY_DEPOT: { status: 'in_transit', substatus: 'arrived', note: 'Milestone "At delivery depot".' },
  DELIVERED: { status: 'delivered', note: 'Milestone "Delivered".' },
});
