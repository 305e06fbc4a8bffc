import { describe, expect, it } from 'vitest';
import { estimateContactsAvoided } from './wismo-estimate.js';

describe('WISMO contacts avoided', () => {
  it('is the deflection rate times the answers given, with every input returned', () => {
    // round(0.3 × (120 + 45)) = round(49.5) = 50; 50 × 5 = 250
    expect(
      estimateContactsAvoided({ trackingPageViews: 120, notifiedShipments: 45, proactiveMessages: 130 }, {}),
    ).toMatchObject({
      estimate: 50,
      savings: { amount: 250, currency: 'USD' },
      inputs: { trackingPageViews: 120, notifiedShipments: 45, deflectionRate: 0.3, costPerContact: 5 },
    });
  });

  it('takes the merchant’s own rates, and rounds money to cents', () => {
    // round(0.1 × 30) = 3; 3 × 4.99 = 14.97
    const e = estimateContactsAvoided(
      { trackingPageViews: 20, notifiedShipments: 10, proactiveMessages: 10 },
      { deflectionRate: 0.1, costPerContact: 4.99 },
    );
    expect(e.estimate).toBe(3);
    expect(e.savings.amount).toBe(14.97);
  });
});
