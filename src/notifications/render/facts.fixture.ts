import type { MessageFacts } from '../model.js';

// Shared by the tests: one message with every optional fact present, one with none of them.

export const FULL: MessageFacts = {
  milestone: 'in_transit',
  locale: 'en',
  timeZone: 'Asia/Tokyo',
  merchant: {
    name: 'Acme Outdoor',
    logoUrl: 'https://cdn.acme.example/logo.png',
    primaryColor: '#0a7d4f',
    supportEmail: 'help@acme.example',
    supportUrl: 'https://acme.example/help',
  },
  shopperName: 'Anna',
  orderNumber: '#1001',
  carrier: { code: 'dhl', name: 'DHL Express' },
  trackingNumber: 'JD014600006281230704',
  trackingUrl: 'https://t.acme.example/o/Xy12ab34Cd',
  edd: '2026-12-08',
  lastCheckpoint: {
    at: '2026-12-07T23:30:00Z',
    text: 'Arrived at sort facility',
    city: 'Osaka',
    countryCode: 'JP',
  },
  delayReason: 'carrier_reported',
  substatus: 'address_issue',
  parcel: { index: 1, count: 2 },
  items: [
    { name: 'Trail running shoes', quantity: 1 },
    { name: 'Merino socks', quantity: 3 },
  ],
};

export const MINIMAL: MessageFacts = {
  ...FULL,
  merchant: { name: 'Acme Outdoor', logoUrl: null, primaryColor: null, supportEmail: null, supportUrl: null },
  shopperName: null,
  carrier: null,
  trackingNumber: null,
  edd: null,
  lastCheckpoint: null,
  delayReason: null,
  substatus: null,
  parcel: null,
  items: [],
};
