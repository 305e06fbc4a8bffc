import type { EventLocation } from '../../domain/shapes.js';
import type { CodeRule } from '../adapter.js';
import type { MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classifyText } from '../support/classify.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { DHL_UNIFIED_CODES } from './codes.js';

// DHL Shipment Tracking - Unified API, GET /shipments?trackingNumber=…: shipments[] (one number may match
// shipments of several DHL divisions), each with id, service (the division: express, parcel-de, ecommerce…),
// origin/destination addresses, status (the latest event), estimatedTimeOfDelivery and
// estimatedDeliveryTimeFrame, details (product, proofOfDelivery.signed, totalNumberOfPieces, pieceIds) and
// events[], newest first. An event has timestamp (ISO 8601, with an offset or local without one), location
// .address {countryCode, postalCode, addressLocality}, statusCode (pre-transit, transit, delivered, failure,
// unknown), status, description. Errors are problem bodies {status, title, detail, instance:
// "/shipment/<number>"}. The push API posts the same shipments[] under {scope: 'subscription.push', self}.

export function mapDhlUnified(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `DHL HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  // The push API posts its subscription messages (subscription.validate, .failure…) to the same URL as
  // shipment updates (scope subscription.push): they are about no parcel.
  const scope = text(body?.scope);
  if (scope?.startsWith('subscription.') && scope !== 'subscription.push' && !body.shipments) {
    return failed('ignored', `DHL push message ${scope}`, { code: scope });
  }
  if (Array.isArray(body?.shipments)) {
    const shipments = body.shipments
      .map((s: Node) => shipment(s, asked))
      .filter(Boolean) as TrackedShipment[];
    if (shipments.length > 0) return { shipments, problems: [] };
    return failed('not_found', 'DHL returned no shipment for this number', { trackingNumber: asked });
  }
  if (body && typeof body === 'object' && (body.status !== undefined || body.title || body.detail)) {
    const status = num(body.status) ?? input.httpStatus ?? null;
    const message = text(body.detail) ?? text(body.title) ?? `DHL error ${status ?? ''}`.trim();
    const kind = /no (result|shipment)|not found/i.test(message)
      ? 'not_found'
      : (kindForHttpStatus(status) ?? 'carrier_error');
    return failed(kind, message, {
      code: status === null ? null : String(status),
      trackingNumber: numberIn(text(body.instance)) ?? asked,
    });
  }
  return failed('malformed', 'DHL answer without shipments');
}

function shipment(s: Node, asked: string | null): TrackedShipment | null {
  const number = text(s?.id) ?? asked;
  if (!number) return null;
  const raw = asArray(s.events);
  // A shipment DHL reports with a status but no event list: its status node is the one event.
  const nodes = raw.length > 0 ? raw : s.status?.timestamp ? [s.status] : [];
  const { events, skipped } = collectEvents(nodes.map(eventSpec));
  const details = s.details ?? {};
  const frame = s.estimatedDeliveryTimeFrame;
  const from = resolveTime({ value: text(frame?.estimatedFrom) });
  const through = resolveTime({ value: text(frame?.estimatedThrough) });
  const date = resolveDate(text(s.estimatedTimeOfDelivery));
  const product = text(details.product?.productName);
  const signed = details.proofOfDelivery?.signed;
  const statusCode = text(s.status?.statusCode);
  return trackedShipment(number, {
    events: oldestFirst(events),
    skipped,
    service: product && !/^unknown\b/i.test(product) ? product : text(s.service),
    signedBy:
      text(signed?.name) ??
      ([text(signed?.givenName), text(signed?.familyName)].filter(Boolean).join(' ') || null),
    pieces: num(details.totalNumberOfPieces) ?? (asArray(details.pieceIds).length || null),
    origin: place(s.origin),
    destination: place(s.destination),
    edd:
      date || from.ok || through.ok
        ? {
            date,
            windowStart: from.ok ? from.time.occurredAt : null,
            windowEnd: through.ok ? through.time.occurredAt : null,
          }
        : null,
    carrierStatus: statusCode
      ? { code: statusCode, text: text(s.status?.status) ?? text(s.status?.description) ?? statusCode }
      : null,
  });
}

function eventSpec(e: Node): EventSpec {
  const code = text(e?.statusCode);
  const words = [text(e?.status), text(e?.description)].filter(Boolean).join(': ');
  return {
    code,
    text: text(e?.description) ?? text(e?.status),
    time: { value: text(e?.timestamp) },
    location: place(e?.location),
    tables: [DHL_UNIFIED_CODES],
    rule: code === 'failure' ? failureRule(words) : null,
  };
}

/** The failure class covers failed attempts, returns and real exceptions alike; DHL's words tell them apart. */
function failureRule(words: string): CodeRule | null {
  const read = classifyText(words);
  if (read && ['attempt_failed', 'returning', 'exception'].includes(read.status)) return read;
  return null;
}

/** addressLocality is the town, sometimes after a street ("Oderweg 2, AMSTERDAM"): the last part is taken. */
function place(p: Node): EventLocation | null {
  const a = p?.address;
  const locality = text(a?.addressLocality)?.split(',').at(-1)?.trim();
  return location({ city: locality, postalCode: text(a?.postalCode), country: text(a?.countryCode) });
}

function numberIn(instance: string | null): string | null {
  if (!instance) return null;
  const query = instance.includes('?')
    ? new URLSearchParams(instance.slice(instance.indexOf('?') + 1))
    : null;
  return query?.get('trackingNumber') ?? /\/shipments?\/([^/?#]+)/.exec(instance)?.[1] ?? null;
}

function oldestFirst<T extends { occurredAt: string }>(events: T[]): T[] {
  const list =
    (events[0]?.occurredAt ?? '') > (events.at(-1)?.occurredAt ?? '') ? [...events].reverse() : events;
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
