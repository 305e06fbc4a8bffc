import type { CatalogShape } from './shape.js';

// British English, the merchant speaking as "we". Placeholders: {{merchant}}, {{order}}, and {{index}} of
// {{total}} for one parcel of a split order.

export const en = {
  greeting: {
    named: 'Hi {{name}},',
    anonymous: 'Hello,',
  },
  subject: {
    confirmed: 'Your {{merchant}} order {{order}} is confirmed',
    packed: 'Your {{merchant}} order {{order}} is packed and ready to ship',
    shipped: 'Your {{merchant}} order {{order}} has shipped',
    shipped_parcel: 'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} has shipped',
    in_transit: 'Your {{merchant}} order {{order}} is on its way',
    in_transit_parcel: 'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} is on its way',
    out_for_delivery: 'Your {{merchant}} order {{order}} is out for delivery',
    out_for_delivery_parcel:
      'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} is out for delivery',
    delivered: 'Your {{merchant}} order {{order}} has been delivered',
    delivered_parcel:
      'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} has been delivered',
    delayed: 'Your {{merchant}} order {{order}} is delayed',
    delayed_parcel: 'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} is delayed',
    attempt_failed: 'We couldn’t deliver your {{merchant}} order {{order}}',
    attempt_failed_parcel:
      'We couldn’t deliver parcel {{index}} of {{total}} from your {{merchant}} order {{order}}',
    available_for_pickup: 'Your {{merchant}} order {{order}} is ready to collect',
    available_for_pickup_parcel:
      'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} is ready to collect',
    exception: 'There’s a problem with the delivery of your {{merchant}} order {{order}}',
    exception_parcel:
      'There’s a problem with parcel {{index}} of {{total}} from your {{merchant}} order {{order}}',
    returned: 'Your {{merchant}} order {{order}} has been returned to us',
    returned_parcel:
      'Parcel {{index}} of {{total}} from your {{merchant}} order {{order}} has been returned to us',
  },
  headline: {
    confirmed: 'Your order is confirmed',
    packed: 'Your order is packed',
    shipped: 'Your order has shipped',
    shipped_parcel: 'Parcel {{index}} of {{total}} has shipped',
    in_transit: 'Your order is on its way',
    in_transit_parcel: 'Parcel {{index}} of {{total}} is on its way',
    out_for_delivery: 'Your order is out for delivery',
    out_for_delivery_parcel: 'Parcel {{index}} of {{total}} is out for delivery',
    delivered: 'Your order has been delivered',
    delivered_parcel: 'Parcel {{index}} of {{total}} has been delivered',
    delayed: 'Your order is delayed',
    delayed_parcel: 'Parcel {{index}} of {{total}} is delayed',
    attempt_failed: 'We couldn’t deliver your order',
    attempt_failed_parcel: 'We couldn’t deliver parcel {{index}} of {{total}}',
    available_for_pickup: 'Your order is ready to collect',
    available_for_pickup_parcel: 'Parcel {{index}} of {{total}} is ready to collect',
    exception: 'There’s a problem with your delivery',
    exception_parcel: 'There’s a problem with parcel {{index}} of {{total}}',
    returned: 'Your order has been returned to us',
    returned_parcel: 'Parcel {{index}} of {{total}} has been returned to us',
  },
  lead: {
    confirmed:
      'Thank you for shopping with {{merchant}}! We’ve received your order and are getting it ready. We’ll let you know as soon as it ships.',
    packed:
      'Your order is packed and will be handed to the carrier shortly. We’ll let you know as soon as it’s on its way.',
    shipped: 'Good news: your order has been handed to the carrier and is on its way to you.',
    shipped_parcel:
      'Good news: parcel {{index}} of {{total}} from your order has been handed to the carrier. The rest of your order is travelling separately.',
    in_transit: 'Your order is on its way and moving through the carrier’s network towards you.',
    in_transit_parcel:
      'Parcel {{index}} of {{total}} from your order is on its way and moving through the carrier’s network towards you.',
    out_for_delivery:
      'Your order is with the driver and should arrive today. Please make sure someone is available to receive it.',
    out_for_delivery_parcel:
      'Parcel {{index}} of {{total}} from your order is with the driver and should arrive today. Please make sure someone is available to receive it.',
    delivered: 'Your order has been delivered. We hope you love it!',
    delivered_parcel:
      'Parcel {{index}} of {{total}} from your order has been delivered. We hope you love it!',
    delayed: 'Your order is taking longer than expected to reach you. We’re sorry for the wait.',
    delayed_parcel:
      'Parcel {{index}} of {{total}} from your order is taking longer than expected to reach you. We’re sorry for the wait.',
    attempt_failed: 'The carrier tried to deliver your order but wasn’t able to hand it over.',
    attempt_failed_parcel:
      'The carrier tried to deliver parcel {{index}} of {{total}} from your order but wasn’t able to hand it over.',
    available_for_pickup:
      'Your order has arrived at the pickup point and is waiting for you. Parcels are only held for a limited time, so please collect it soon.',
    available_for_pickup_parcel:
      'Parcel {{index}} of {{total}} from your order has arrived at the pickup point and is waiting for you. Parcels are only held for a limited time, so please collect it soon.',
    exception: 'Unfortunately, there’s a problem with the delivery of your order.',
    exception_parcel:
      'Unfortunately, there’s a problem with the delivery of parcel {{index}} of {{total}} from your order.',
    returned: 'The carrier has returned your order to us.',
    returned_parcel: 'The carrier has returned parcel {{index}} of {{total}} from your order to us.',
  },
  delay: {
    carrier_reported: 'The carrier has let us know that your delivery is running late.',
    edd_passed: 'The estimated delivery date has passed and your parcel hasn’t arrived yet.',
    stalled: 'The carrier hasn’t shared any updates for several days.',
    newDate: 'We’re keeping an eye on it and will let you know if anything changes.',
    noDate: 'We’re keeping an eye on it and will let you know as soon as there’s a new delivery date.',
  },
  problem: {
    substatus: {
      address_issue:
        'The carrier couldn’t deliver to the address on your order. It may be incomplete or incorrect.',
      recipient_unavailable: 'Nobody was available to receive the parcel.',
      access_issue: 'The driver couldn’t get access to the delivery address.',
      business_closed: 'The business at the delivery address was closed.',
      refused: 'The parcel was refused at the delivery address.',
      customs_hold: 'Your parcel is being held by customs.',
      payment_required: 'Import duties or fees need to be paid before your parcel can be delivered.',
      damaged: 'The carrier has told us that your parcel was damaged in transit.',
      lost: 'The carrier has told us that your parcel has been lost.',
      undeliverable: 'The carrier isn’t able to deliver your parcel.',
    },
    generic: 'The carrier has reported an issue that is holding up your delivery.',
    generic_attempt: 'This can happen when nobody is in or the driver can’t reach the door.',
  },
  advice: {
    delivered:
      'Can’t find it? Check around your door or with your neighbours, and contact us if it still hasn’t turned up.',
    attempt_failed:
      'The carrier will usually try again or leave instructions for collecting your parcel. You’ll find the latest details on the tracking page, and we’re happy to help if you need us.',
    available_for_pickup: 'Please bring your tracking number and a photo ID when you collect it.',
    exception: 'Please get in touch and we’ll help you sort it out as quickly as possible.',
    returned:
      'If you weren’t expecting this, or would like us to send your order again, please get in touch.',
  },
  edd: {
    label: 'Estimated delivery',
    labelNew: 'New estimated delivery',
  },
  details: {
    order: 'Order number',
    parcel: 'Parcel',
    parcelValue: '{{index}} of {{total}}',
    carrier: 'Carrier',
    trackingNumber: 'Tracking number',
    lastUpdate: 'Latest update',
    place: '{{city}}, {{country}}',
  },
  cta: {
    track: 'Track your order',
    track_parcel: 'Track your parcel',
    fallback: 'If the button doesn’t work, copy this link into your browser:',
  },
  items: {
    title: 'Items in your order',
    line: '{{name}} × {{quantity}}',
  },
  support: {
    needHelp: 'Need help? Contact us:',
    email: 'Email',
    web: 'Help centre',
  },
  footer: {
    questions: 'Questions about your order? We’re happy to help.',
    sentBy: 'You’re receiving this email because you placed an order with {{merchant}}.',
  },
  format: {
    labelValue: '{{label}}: {{value}}',
    withNote: '{{value}} ({{note}})',
  },
  // SMS: plain ASCII punctuation only, so English stays in the 160-character GSM alphabet.
  sms: {
    message: '{{merchant}}: {{status}} Track: {{url}}',
    message_edd: '{{merchant}}: {{status}} {{edd}} Track: {{url}}',
    edd: 'Est. delivery: {{date}}.',
    newEdd: 'New est. delivery: {{date}}.',
    status: {
      confirmed: 'Your order {{order}} is confirmed.',
      packed: 'Your order {{order}} is packed and will ship soon.',
      shipped: 'Your order {{order}} has shipped.',
      shipped_parcel: 'Parcel {{index}}/{{total}} of order {{order}} has shipped.',
      in_transit: 'Your order {{order}} is on its way.',
      in_transit_parcel: 'Parcel {{index}}/{{total}} of order {{order}} is on its way.',
      out_for_delivery: 'Your order {{order}} is out for delivery today.',
      out_for_delivery_parcel: 'Parcel {{index}}/{{total}} of order {{order}} is out for delivery today.',
      delivered: 'Your order {{order}} has been delivered.',
      delivered_parcel: 'Parcel {{index}}/{{total}} of order {{order}} has been delivered.',
      delayed: 'Your order {{order}} is delayed.',
      delayed_parcel: 'Parcel {{index}}/{{total}} of order {{order}} is delayed.',
      attempt_failed: "We couldn't deliver your order {{order}}.",
      attempt_failed_parcel: "We couldn't deliver parcel {{index}}/{{total}} of order {{order}}.",
      available_for_pickup: 'Your order {{order}} is ready to collect.',
      available_for_pickup_parcel: 'Parcel {{index}}/{{total}} of order {{order}} is ready to collect.',
      exception: "There's a problem with the delivery of order {{order}}.",
      exception_parcel: "There's a problem with parcel {{index}}/{{total}} of order {{order}}.",
      returned: 'Your order {{order}} was returned to us.',
      returned_parcel: 'Parcel {{index}}/{{total}} of order {{order}} was returned to us.',
    },
  },
} satisfies CatalogShape;
