import type { CarrierAdapter } from '../carriers/adapter.js';
import { mapPayload } from '../carriers/registry.js';
import { deriveShipment } from './derive.js';

// What `wismo map` prints: one payload through its carrier's mapper and the status derivation, as the
// normalizer would see it, without a database. For people debugging a carrier.

export function describePayload(adapter: CarrierAdapter, body: string, requested: readonly string[] = []) {
  const result = mapPayload(adapter, { body, requested });
  return {
    carrier: adapter.code,
    shipments: result.shipments.map((s) => {
      const keyed = s.events.map((e, i) => ({ ...e, key: String(i).padStart(6, '0') }));
      const derived = deriveShipment(keyed);
      return {
        trackingNumber: s.trackingNumber,
        status: derived.status,
        substatus: derived.substatus,
        delayed: derived.delayReason !== null,
        shippedAt: derived.shippedAt,
        deliveredAt: derived.deliveredAt,
        edd: s.edd,
        service: s.service,
        signedBy: s.signedBy,
        pieces: s.pieces,
        origin: s.origin,
        destination: s.destination,
        carrierStatus: s.carrierStatus,
        underlyingCarrier: s.underlyingCarrier,
        events: keyed
          .map(({ key, ...e }) => ({ ...e, decision: derived.decisions.get(key) ?? 'applied' }))
          .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0)),
        skipped: s.skipped,
      };
    }),
    problems: result.problems,
  };
}
