import type { OrderStatus, ShipmentStatus } from '../../domain/status.js';
import type { PageShipment } from './types.js';

// Where the order (or parcel) stands on the road every order travels. Journey statuses sit on their step;
// side states (late, a failed attempt, a problem) are told in a notice above and keep the step the parcels
// actually reached, since docs/statuses.md has them "never undo progress".

export const STEPS = [
  'ordered',
  'confirmed',
  'packed',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'delivered',
] as const;
export type Step = (typeof STEPS)[number];

/** A step's label when the step is reached only in part or in another way. */
export type StepVariant = 'partially_shipped' | 'partially_delivered' | 'ready_to_collect';

export interface Journey {
  steps: readonly Step[];
  /** Index into `steps` of the current step. */
  current: number;
  /** Replaces the current step's label. */
  variant: StepVariant | null;
}

const VARIANT_STEP: Record<StepVariant, Step> = {
  partially_shipped: 'shipped',
  partially_delivered: 'delivered',
  ready_to_collect: 'out_for_delivery',
};

/** A variant only relabels the step it belongs to (a parcel ready to collect does not rename "in transit"). */
function journey(steps: readonly Step[], current: number, variant: StepVariant | null): Journey {
  return { steps, current, variant: variant && steps[current] === VARIANT_STEP[variant] ? variant : null };
}

const ORDER_STEP: Partial<Record<OrderStatus, Step>> = {
  ordered: 'ordered',
  confirmed: 'confirmed',
  packed: 'packed',
  partially_shipped: 'shipped',
  shipped: 'shipped',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  // Part of the order is at the door: the last step, labelled "partly delivered", with each parcel's own
  // status below. Putting it back at "out for delivery" would hide the parcels that did arrive.
  partially_delivered: 'delivered',
  delivered: 'delivered',
};

/**
 * How far a status puts a parcel. A label exists before the carrier has the parcel (pending, info_received:
 * packed); a problem or a return is only reported about a parcel the carrier had (at least shipped);
 * cancelled and expired say nothing about progress.
 */
const SHIPMENT_STEP: Record<ShipmentStatus, Step | null> = {
  pending: 'packed',
  info_received: 'packed',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'out_for_delivery',
  attempt_failed: 'out_for_delivery',
  delivered: 'delivered',
  exception: 'shipped',
  returning: 'shipped',
  returned: 'shipped',
  cancelled: null,
  expired: null,
};

/** A first scan only: the carrier has the parcel but it has not moved on yet. */
const HANDOVER_SUBSTATUSES: ReadonlySet<string> = new Set(['picked_up', 'dropped_off']);

function stepIndex(step: Step): number {
  return STEPS.indexOf(step);
}

/** The furthest step the shipment or any of its checkpoints reached; null when none says anything. */
export function shipmentProgress(shipment: PageShipment): number | null {
  const own =
    shipment.status === 'in_transit' && shipment.substatus && HANDOVER_SUBSTATUSES.has(shipment.substatus)
      ? 'shipped'
      : SHIPMENT_STEP[shipment.status];
  const reached = [own, ...shipment.checkpoints.map((cp) => SHIPMENT_STEP[cp.status])]
    .filter((step): step is Step => step !== null)
    .map(stepIndex);
  return reached.length > 0 ? Math.max(...reached) : null;
}

/** Order states that end the journey: a current step would only mislead. */
const NO_JOURNEY_ORDER: ReadonlySet<OrderStatus> = new Set(['cancelled', 'returned']);
const NO_JOURNEY_SHIPMENT: ReadonlySet<ShipmentStatus> = new Set(['cancelled', 'returning', 'returned']);

/**
 * The order's journey. For a side state the current step is that of the least advanced parcel still on
 * its way (the one the shopper is waiting for); with no parcel yet, only "ordered" is certain.
 */
export function orderJourney(status: OrderStatus, shipments: PageShipment[]): Journey | null {
  if (NO_JOURNEY_ORDER.has(status)) return null;
  const variant: StepVariant | null =
    status === 'partially_shipped' || status === 'partially_delivered'
      ? status
      : status === 'available_for_pickup'
        ? 'ready_to_collect'
        : null;
  const step = ORDER_STEP[status];
  if (step) return journey(STEPS, stepIndex(step), variant);
  const waiting = shipments.filter((s) => s.status !== 'delivered').map(shipmentProgress);
  const known = waiting.filter((p): p is number => p !== null);
  const all = shipments.map(shipmentProgress).filter((p): p is number => p !== null);
  const current = known.length > 0 ? Math.min(...known) : all.length > 0 ? Math.max(...all) : 0;
  return journey(STEPS, current, variant);
}

/** The steps a parcel alone can show: the ordering steps belong to the order, which this mode never shows. */
const PARCEL_STEPS = STEPS.slice(stepIndex('packed'));

export function parcelJourney(shipment: PageShipment): Journey | null {
  if (NO_JOURNEY_SHIPMENT.has(shipment.status)) return null;
  const progress = shipmentProgress(shipment) ?? stepIndex('packed');
  return journey(
    PARCEL_STEPS,
    Math.max(0, progress - stepIndex('packed')),
    shipment.status === 'available_for_pickup' ? 'ready_to_collect' : null,
  );
}
