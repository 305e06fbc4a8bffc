import type { Milestone } from '../notifications/model.js';

// An estimate of the "where is my order?" contacts wismo saved a merchant, transparent on purpose: the
// inputs are counted, the two assumptions are stated and can be replaced by the merchant's own figures, and
// all of them come back with the result so anyone can redo the sum. docs/analytics.md explains the choice.
//
//   contactsAvoided = round(deflectionRate × (trackingPageViews + notifiedShipments))
//   savings         = contactsAvoided × costPerContact
//
// Each page view and each parcel whose shopper was told where it is (at least one in-transit message) is
// one "where is my order?" answered before it was asked. Parcels are counted once however many messages
// their shopper got: a shopper asks about a parcel once or twice, not once per message.
//
// deflectionRate defaults to 0.3 = 0.5 × 0.6, from the figures in DESIGN.md: over half of shoppers look
// for themselves before they contact support (so an answer they find stands for a contact about one time
// in two), and timely status messages cut contacts by up to 60 %. costPerContact defaults to the $5 a
// contact costs.

/** Milestones that tell a shopper where the parcel is or why it is late: the ones that answer WISMO. */
export const PROACTIVE_MILESTONES: readonly Milestone[] = [
  'shipped',
  'in_transit',
  'out_for_delivery',
  'delayed',
  'attempt_failed',
  'available_for_pickup',
  'exception',
];

export const DEFAULT_DEFLECTION_RATE = 0.3;
export const DEFAULT_COST_PER_CONTACT = 5;
export const CURRENCY = 'USD';
export const FORMULA = 'round(deflectionRate × (trackingPageViews + notifiedShipments))';

export interface EstimateInputs {
  trackingPageViews: number;
  notifiedShipments: number;
  /** Shown for context only: messages, not parcels, so they are not in the sum. */
  proactiveMessages: number;
}

export interface Assumptions {
  deflectionRate?: number | undefined;
  costPerContact?: number | undefined;
}

export interface ContactsAvoided {
  estimate: number;
  savings: { amount: number; currency: string };
  formula: string;
  inputs: EstimateInputs & { deflectionRate: number; costPerContact: number };
  proactiveMilestones: Milestone[];
}

export function estimateContactsAvoided(inputs: EstimateInputs, assumptions: Assumptions): ContactsAvoided {
  const deflectionRate = assumptions.deflectionRate ?? DEFAULT_DEFLECTION_RATE;
  const costPerContact = assumptions.costPerContact ?? DEFAULT_COST_PER_CONTACT;
  const estimate = Math.round(deflectionRate * (inputs.trackingPageViews + inputs.notifiedShipments));
  return {
    estimate,
    // Cents, so 3 × 4.99 is 14.97 and not 14.970000000000002.
    savings: { amount: Math.round(estimate * costPerContact * 100) / 100, currency: CURRENCY },
    formula: FORMULA,
    inputs: { ...inputs, deflectionRate, costPerContact },
    proactiveMilestones: [...PROACTIVE_MILESTONES],
  };
}
