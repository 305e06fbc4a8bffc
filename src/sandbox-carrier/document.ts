import type { City } from './cities.js';
import { isVisible, realInstant, writeDate, writeInstant } from './clock.js';
import { type Journey, type JourneyShares, journeyOf } from './journey.js';

// The tracking document of a number at a real instant, in the shape of src/carriers/sandbox/format.ts: the
// events visible by then, the estimate in force by then, and nothing that has not happened yet.

export interface SandboxPlace {
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
}

export interface SandboxDocument {
  trackingNumber: string;
  service: string;
  estimatedDelivery?: string;
  estimatedWindow?: { start: string; end: string };
  signedBy?: string;
  pieces: number;
  origin: SandboxPlace;
  destination: SandboxPlace;
  events: { code: string; description: string; occurredAt: string; location: SandboxPlace }[];
}

export interface TrackingOptions {
  speed: number;
  shares: JourneyShares;
}

export type Tracking =
  | { found: true; document: SandboxDocument; journey: Journey; visibleEvents: number }
  | { found: false };

export const place = (c: City): SandboxPlace => ({
  city: c.name,
  region: c.region,
  postalCode: c.postalCode,
  countryCode: c.countryCode,
});

/** `journey` may be given when the caller already has it (the pusher keeps its parcels' journeys). */
export function trackingAt(
  number: string,
  now: Date,
  options: TrackingOptions,
  journey: Journey | null = journeyOf(number, options),
): Tracking {
  // A label from the future has not been printed yet: to the carrier it does not exist.
  if (!journey || journey.labelTime.getTime() > now.getTime()) return { found: false };
  const { speed } = options;
  const label = journey.labelTime;
  const visible = journey.events.filter((e) => isVisible(label, e.offsetMinutes, speed, now));
  const estimate = journey.estimates.filter((e) => isVisible(label, e.fromOffsetMinutes, speed, now)).at(-1);
  const zone = journey.destination.zone;
  let estimatedDelivery: string | undefined;
  let estimatedWindow: SandboxDocument['estimatedWindow'];
  if (estimate?.deliveryOffsetMinutes != null) {
    estimatedDelivery = writeDate(realInstant(label, estimate.deliveryOffsetMinutes, speed), zone);
    if (estimate.window) {
      estimatedWindow = {
        start: writeInstant(realInstant(label, estimate.window.startOffsetMinutes, speed), zone),
        end: writeInstant(realInstant(label, estimate.window.endOffsetMinutes, speed), zone),
      };
    }
  }
  const signedBy = visible.find((e) => e.signedBy)?.signedBy;
  const doc: SandboxDocument = {
    trackingNumber: journey.trackingNumber,
    service: journey.service,
    ...(estimatedDelivery ? { estimatedDelivery } : {}),
    ...(estimatedWindow ? { estimatedWindow } : {}),
    ...(signedBy ? { signedBy } : {}),
    pieces: journey.pieces,
    origin: place(journey.origin),
    destination: place(journey.destination),
    events: visible.map((e) => ({
      code: e.code,
      description: e.description,
      occurredAt: writeInstant(realInstant(label, e.offsetMinutes, speed), e.city.zone),
      location: place(e.city),
    })),
  };
  return { found: true, document: doc, journey, visibleEvents: visible.length };
}
