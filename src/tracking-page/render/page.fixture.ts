import type { PageCheckpoint, PageMerchant, PageShipment, TrackingPageView } from './types.js';

// A typical split order: two parcels, ten checkpoints each, every optional part of the page filled in.
// Checkpoints are seven hours apart, newest first, at Poland's winter offset (UTC+1).

export const merchant: PageMerchant = {
  name: 'Acme Outdoor',
  logoUrl: 'https://cdn.example.com/acme/logo.png',
  primaryColor: '#0f766e',
  supportEmail: 'help@acme.example',
  supportUrl: 'https://acme.example/help',
  faqLinks: [
    { label: 'Returns and exchanges', url: 'https://acme.example/returns' },
    { label: 'Delivery questions', url: 'https://acme.example/delivery' },
  ],
  promotion: {
    title: '10% off your next order',
    text: 'Use code WELCOME10 at checkout.',
    url: 'https://acme.example/sale',
    imageUrl: 'https://cdn.example.com/acme/sale.jpg',
  },
};

const SCANS = [
  'Arrived at delivery depot',
  'Departed regional hub',
  'Arrived at regional hub',
  'Departed sorting centre',
  'Arrived at sorting centre',
  'In transit to destination country',
  'Customs cleared',
  'Departed origin facility',
  'Picked up by carrier',
  'Shipping label created',
];

export function checkpoints(count: number, startIso = '2026-12-07T23:30:00Z'): PageCheckpoint[] {
  const start = new Date(startIso).getTime();
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(start - i * 7 * 3_600_000).toISOString(),
    utcOffsetMinutes: 60,
    text: SCANS[i % SCANS.length] ?? 'Scan',
    city: i % 2 === 0 ? 'Warszawa' : 'Stryków',
    countryCode: 'PL',
    status: i === count - 1 ? 'info_received' : 'in_transit',
  }));
}

export function shipment(overrides: Partial<PageShipment> = {}): PageShipment {
  return {
    carrier: { name: 'DPD', trackingUrl: 'https://tracktrace.dpd.com.pl/parcelDetails?p1=1000123456789' },
    trackingNumber: '1000123456789',
    status: 'in_transit',
    substatus: null,
    edd: '2026-12-08',
    delay: null,
    items: [{ name: 'Trail running shoes', quantity: 1 }],
    checkpoints: checkpoints(10),
    ...overrides,
  };
}

export function orderView(overrides: Partial<TrackingPageView> = {}): TrackingPageView {
  return {
    locale: 'en',
    timeZone: 'Europe/Warsaw',
    merchant,
    mode: 'order',
    orderNumber: '#1001',
    status: 'in_transit',
    edd: '2026-12-08',
    delay: null,
    items: [
      { name: 'Trail running shoes', quantity: 1, imageUrl: 'https://cdn.example.com/acme/shoes.jpg' },
      { name: 'Merino socks', quantity: 3, imageUrl: null },
    ],
    shipments: [
      shipment(),
      shipment({
        carrier: { name: 'InPost', trackingUrl: null },
        trackingNumber: '620000111222333444555666',
        status: 'out_for_delivery',
        items: [{ name: 'Merino socks', quantity: 3 }],
      }),
    ],
    langLinks: [
      { locale: 'ru', href: '/t/abc?lang=ru' },
      { locale: 'ja', href: '/t/abc?lang=ja' },
      { locale: 'pl', href: '/t/abc?lang=pl' },
      { locale: 'ms', href: '/t/abc?lang=ms' },
    ],
    lookupUrl: '/track',
    ...overrides,
  };
}
