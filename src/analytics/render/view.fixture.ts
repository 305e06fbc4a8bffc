import type { ShipmentFigures } from '../analytics.schemas.js';
import type { AnalyticsView } from './section.js';

// A small analytics view for the renderer's tests: two carriers, one of them with a name and a lane label
// an attacker could have chosen.

const ratio = (count: number, of: number) => ({ count, of, rate: of === 0 ? null : count / of });

export function figures(shipments: number, delivered: number): ShipmentFigures {
  return {
    shipments,
    delivered,
    onTimeVsCarrierEdd: ratio(Math.floor(delivered / 2), delivered),
    onTimeVsPromised: ratio(delivered, delivered),
    transitDays: { measured: delivered, p50: delivered > 0 ? 2.5 : null, p90: delivered > 0 ? 4.25 : null },
    firstAttempt: ratio(delivered, delivered),
    exceptions: ratio(1, shipments),
    returns: ratio(0, shipments),
  };
}

export function view(hostile = '<script>alert(1)</script>'): AnalyticsView {
  const period = { from: '2026-03-01', to: '2026-04-01', days: 31, timeZone: 'Europe/Warsaw' };
  const lane = (label: string, shipments: number, delivered: number) => ({
    origin: 'PL',
    destination: 'DE',
    region: null,
    label,
    ...figures(shipments, delivered),
  });
  return {
    carriers: {
      period,
      groupBy: 'lane',
      carrier: null,
      totals: figures(10, 6),
      carriers: [
        { carrier: 'ups', totals: figures(6, 4), lanes: [lane('PL → DE', 4, 3), lane('PL → US', 2, 1)] },
        { carrier: hostile, totals: figures(4, 2), lanes: [lane(`DE → ${hostile}`, 4, 2)] },
      ],
    },
    merchant: {
      period,
      messages: {
        total: 5,
        data: [
          { milestone: 'shipped', channel: 'email', sent: 3 },
          { milestone: 'shipped', channel: 'sms', sent: 0 },
          { milestone: 'delivered', channel: 'email', sent: 1 },
          { milestone: 'delivered', channel: 'sms', sent: 1 },
        ],
      },
      pageViews: {
        total: 7,
        days: Array.from({ length: 31 }, (_, i) => ({
          day: `2026-03-${String(i + 1).padStart(2, '0')}`,
          views: i === 0 ? 7 : 0,
          linkViews: i === 0 ? 5 : 0,
          numberViews: i === 0 ? 2 : 0,
          lookupsFound: 0,
          lookupsMissed: 0,
        })),
      },
      wismoContactsAvoided: {
        estimate: 3,
        savings: { amount: 15, currency: 'USD' },
        formula: 'round(deflectionRate × (trackingPageViews + notifiedShipments))',
        inputs: {
          trackingPageViews: 7,
          notifiedShipments: 3,
          proactiveMessages: 3,
          deflectionRate: 0.3,
          costPerContact: 5,
        },
        proactiveMilestones: ['shipped', 'in_transit'],
      },
    },
  };
}
