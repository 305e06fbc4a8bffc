import type { ReplyCatalogShape } from './shape.js';

// British English, as the emails and the tracking page: the merchant speaking as "we", warm but factual.
// {{parcel}} always opens its sentence ("Your parcel", "Parcel 1 of 2"), so one text serves single and split
// orders in every language. Dates and times arrive formatted by Intl; these texts never build them.

export const en = {
  subject: {
    line: 'Update on your {{merchant}} order {{order}}: {{state}}',
    state: {
      ordered: 'being prepared',
      confirmed: 'confirmed',
      packed: 'packed',
      partially_shipped: 'partly shipped',
      shipped: 'shipped',
      in_transit: 'on its way',
      out_for_delivery: 'out for delivery',
      partially_delivered: 'partly delivered',
      delivered: 'delivered',
      delayed: 'running late',
      attempt_failed: 'delivery attempt unsuccessful',
      available_for_pickup: 'ready to collect',
      exception: 'delivery problem',
      returned: 'returned to us',
      cancelled: 'cancelled',
    },
  },
  greeting: {
    named: 'Hi {{name}},',
    anonymous: 'Hello,',
  },
  intro: 'Thank you for getting in touch about your order {{order}}.',
  order: {
    ordered: 'We’ve received your order and are getting it ready.',
    confirmed: 'Your order is confirmed and we’re getting it ready.',
    packed: 'Your order is packed and will be handed to the carrier shortly.',
    cancelled: 'Your order has been cancelled.',
    noTracking:
      'We don’t have tracking details for your order yet, and we’ll send them to you as soon as we do.',
    trackingSoon: 'We’ll send you the tracking details as soon as it ships.',
    split: 'Your order is travelling in separate parcels, so here is an update on each of them.',
    partially_shipped:
      'Part of your order is still being prepared, and we’ll send you its tracking details as soon as it ships.',
  },
  parcel: {
    yours: 'Your parcel',
    countOf: 'Parcel {{index}} of {{total}}',
    numbered: 'Parcel {{index}}',
  },
  status: {
    pending: '{{parcel}} has a tracking number, but the carrier hasn’t shared any updates on it yet.',
    info_received: '{{parcel}} has been booked with the carrier and is waiting to be picked up.',
    in_transit: '{{parcel}} is on its way.',
    out_for_delivery: '{{parcel}} is out for delivery.',
    available_for_pickup: '{{parcel}} is waiting for you at a pickup point.',
    attempt_failed: '{{parcel}} couldn’t be delivered: the carrier tried, but wasn’t able to hand it over.',
    delivered: '{{parcel}} has been delivered, according to the carrier.',
    exception: '{{parcel}} needs attention: the carrier has reported a problem with its delivery.',
    returning: '{{parcel}} is on its way back to us.',
    returned: '{{parcel}} has been returned to us.',
    cancelled: '{{parcel}} won’t be delivered, as its shipment has been cancelled.',
    expired: '{{parcel}} hasn’t had any tracking updates from the carrier for a long time.',
  },
  // Its own line under the status sentence, label and value, so it reads the same in every language.
  ref: {
    carrier: 'Tracking number: {{tracking}} ({{carrier}})',
    plain: 'Tracking number: {{tracking}}',
    carrierOnly: 'Carrier: {{carrier}}',
  },
  where: {
    placeTime: 'The carrier’s latest update came from {{place}} on {{time}}.',
    place: 'The carrier’s latest update came from {{place}}.',
    time: 'The carrier’s latest update was on {{time}}.',
    cityCountry: '{{city}}, {{country}}',
  },
  delivered: {
    at: 'The carrier recorded the delivery on {{time}}.',
    atPlace: 'The carrier recorded the delivery in {{place}} on {{time}}.',
  },
  delay: {
    carrier_reported: 'Unfortunately, the carrier has told us that the delivery is running late.',
    edd_passed: 'Unfortunately, the estimated delivery date has passed and it hasn’t arrived yet.',
    edd_passed_date: 'Unfortunately, it was expected on {{date}} and hasn’t arrived yet.',
    stalled: 'Unfortunately, the carrier hasn’t shared any new updates for several days.',
    unknown: 'Unfortunately, it’s taking longer than expected.',
    watching:
      'We’re sorry for the wait. We’re keeping a close eye on it and will let you know as soon as there’s news.',
  },
  eta: {
    carrier: 'The carrier expects to deliver it on {{date}}.',
    predicted: 'We expect it to arrive on {{date}}, based on recent deliveries on this route.',
    promised: 'The delivery date given when you ordered is {{date}}.',
    passed: 'It was expected on {{date}}.',
    window: 'The carrier’s delivery window is {{start}} to {{end}}.',
    windowFrom: 'The carrier’s delivery window starts at {{start}}.',
    windowUntil: 'The carrier expects to deliver it by {{end}}.',
  },
  next: {
    out_for_delivery: 'Please make sure someone is available to receive it.',
    pending: 'Its progress will show up as soon as the carrier scans it.',
    info_received: 'Once the carrier picks it up, it will be on its way to you.',
    in_transit: 'Next, the carrier will take it out for delivery.',
    out_for_delivery_today:
      'It should be delivered today, so please make sure someone is available to receive it.',
    out_for_delivery_stale:
      'The carrier hasn’t confirmed the delivery since then. If it hasn’t arrived, just reply to this message and we’ll check with them.',
    available_for_pickup:
      'Pickup points only hold parcels for a limited time, so please collect it before the carrier’s deadline and bring your tracking number and a photo ID.',
    attempt_failed: 'The carrier will usually try again or leave instructions for collecting it.',
    delivered:
      'If you can’t find it, please check around your door, any safe place the driver may have used, and with your neighbours. If it still hasn’t turned up, just reply to this message and we’ll look into it with the carrier.',
    exception:
      'We’re checking with the carrier to find out more and will get back to you as soon as we hear from them.',
    returning:
      'Once it’s back with us, we can send it to you again or arrange a refund: just reply to let us know which you’d prefer.',
    returned:
      'We can send it to you again or arrange a refund: just reply to let us know which you’d prefer.',
    cancelled: 'If you weren’t expecting this, just reply to this message and we’ll look into it.',
    expired: 'If it hasn’t arrived, just reply to this message and we’ll look into it with the carrier.',
  },
  rearrange: {
    carrier:
      'You can also arrange a new delivery or a collection directly with {{carrier}}, using the tracking number above.',
    us: 'If you’d like us to arrange a new delivery with the carrier, just reply to this message.',
  },
  closing: {
    track: 'You can follow your order at any time here: {{url}}',
    reply: 'If you have any other questions, just reply to this message.',
    replyEmail: 'If you have any other questions, just reply to this message or write to us at {{email}}.',
  },
  signOff: {
    regards: 'Kind regards,',
    team: 'The {{merchant}} team',
  },
} satisfies ReplyCatalogShape;
