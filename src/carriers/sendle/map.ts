import { DateTime } from 'luxon';
import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { SENDLE_EVENT_TYPES } from './codes.js';

// Sendle tracking (GET /api/tracking/{ref}): state, status, origin/destination countries, scheduling (pickup,
// delivery and estimate dates) and tracking_events oldest first. An event has event_type, description,
// reason, location text ("NEW YORK, NY") or location_data, and three times: scan_time (UTC, "Z"), an
// optional local_scan_time without offset and display_time (local with offset, or UTC). scan_time is the
// instant; display_time is kept as the carrier's local writing when it is the same instant (local_scan_time
// disagrees with scan_time on some events by hours, so it is not trusted). The answer does not repeat the
// number asked for; webhooks carry it as sendle_reference. Errors: { error, error_description }.

const ERROR_KINDS: Record<string, ProblemKind> = {
  not_found: 'not_found',
  unauthorised: 'carrier_error',
  unauthorized: 'carrier_error',
  forbidden: 'carrier_error',
  payment_required: 'carrier_error',
  unprocessable_entity: 'carrier_error',
  too_many_requests: 'retryable',
  service_unavailable: 'retryable',
};

export function mapSendle(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Sendle HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (text(body?.error)) {
    const code = text(body.error) as string;
    return failed(
      ERROR_KINDS[code] ?? kindForHttpStatus(input.httpStatus) ?? 'carrier_error',
      text(body.error_description) ?? code,
      {
        code,
        trackingNumber: asked,
      },
    );
  }
  // A webhook is one tracking event with the parcel's reference.
  if (text(body?.event_type) && text(body?.sendle_reference)) {
    const { events, skipped } = collectEvents([eventSpec(body, null)]);
    return {
      shipments: [trackedShipment(text(body.sendle_reference) as string, { events, skipped })],
      problems: [],
    };
  }
  if (!body || typeof body !== 'object' || !Array.isArray(body.tracking_events)) {
    return failed('malformed', 'Sendle answer without tracking_events');
  }
  const origin = location({ country: text(body.origin?.country) });
  const destination = location({ country: text(body.destination?.country) });
  const home =
    origin?.countryCode && origin.countryCode === destination?.countryCode ? origin.countryCode : null;
  const specs: EventSpec[] = body.tracking_events.map((e: Node) => eventSpec(e, home));
  const state = text(body.state);
  // No events but a state with its time ("2023-04-05 18:56:00 UTC"): the state is the one event.
  if (specs.length === 0 && state && text(body.status?.last_changed_at)) {
    specs.push({
      code: state,
      text: text(body.status?.description),
      time: { value: text(body.status.last_changed_at), formats: ["yyyy-MM-dd HH:mm:ss 'UTC'"], zone: 'UTC' },
      tables: [SENDLE_EVENT_TYPES],
    });
  }
  const { events, skipped } = collectEvents(specs);
  const s = body.scheduling ?? {};
  const latest =
    resolveDate(text(s.estimated_delivery_date_maximum)) ??
    resolveDate(text(s.estimated_delivery_date_minimum));
  return {
    shipments: [
      trackedShipment(asked ?? text(body.sendle_reference) ?? '', {
        events: oldestFirst(events),
        skipped,
        origin,
        destination,
        edd: latest ? { date: latest, windowStart: null, windowEnd: null } : null,
        carrierStatus: state ? { code: state, text: text(body.status?.description) ?? state } : null,
      }),
    ],
    problems: [],
  };
}

function eventSpec(e: Node, home: string | null): EventSpec {
  const description = text(e?.description);
  const reason = text(e?.reason);
  return {
    code: text(e?.event_type),
    text: [description, reason].filter(Boolean).join(' - '),
    time: { value: when(text(e?.scan_time), text(e?.display_time)) },
    location: place(e, home),
    tables: [SENDLE_EVENT_TYPES],
  };
}

/** display_time when it names the same instant as scan_time (it keeps the local offset), else scan_time. */
function when(scan: string | null, display: string | null): string | null {
  if (!scan || !display) return scan ?? display;
  const a = DateTime.fromISO(scan, { setZone: true });
  const b = DateTime.fromISO(display, { setZone: true });
  return a.isValid && b.isValid && a.toMillis() === b.toMillis() ? display : scan;
}

/** location_data when given; else "CITY, ST" text, in the shipment's country when it is domestic. */
function place(e: Node, home: string | null): EventLocation | null {
  const d = e?.location_data;
  if (d && typeof d === 'object') {
    return location({
      city: text(d.suburb),
      region: text(d.state),
      postalCode: text(d.postcode),
      country: text(d.country),
    });
  }
  const raw = text(e?.location);
  if (!raw) return null;
  const m = /^(.+?),\s*([A-Z]{2,3})$/.exec(raw);
  return m ? location({ city: m[1], region: m[2], country: home }) : location({ city: raw, country: home });
}

/** Sendle lists events oldest first; sorted by instant to be sure, ties kept in Sendle's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
