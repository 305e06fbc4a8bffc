import type { EventLocation } from '../../domain/shapes.js';
import type { MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { normalizeCountry } from '../support/country.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { SEKO_CODES } from './codes.js';

// SEKO Logistics OmniParcel tracking (GET /labels/status): an array, one entry per consignment, with
// ConsignmentNo, Status (SEKO's text for the current state), Picked and Delivered times and Events, oldest
// first. An event has EventDT (local time without offset, milliseconds optional: "2024-12-13T09:55:23.043"),
// OmniCode (SEKO's code), Code (the delivering partner's), Description and Location ("LONDON,EGHAM,GB",
// "Essen, DE", "NL"). Times are placed in the zone of the event's country. Validation errors come as
// { Errors: [{ Property, Message, Key, Value }] }, other refusals as { Message }.

export function mapSeko(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `SEKO HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (body && !Array.isArray(body) && typeof body === 'object' && !text(body.ConsignmentNo)) {
    const errors = asArray(body.Errors);
    const kind = kindForHttpStatus(input.httpStatus) ?? 'carrier_error';
    if (errors.length > 0) {
      return {
        shipments: [],
        problems: errors.map((e: Node) =>
          problem(kind, text(e?.Message) ?? 'SEKO error', {
            code: text(e?.Key) ?? text(e?.Property),
            trackingNumber: asked,
          }),
        ),
      };
    }
    if (text(body.Message)) return failed(kind, text(body.Message) as string, { trackingNumber: asked });
    return failed('malformed', 'SEKO answer without consignments');
  }
  const consignments = asArray(body).filter((c: Node) => text(c?.ConsignmentNo));
  if (consignments.length === 0) {
    return body === null
      ? failed('malformed', 'SEKO answer without consignments')
      : failed('not_found', 'SEKO returned no consignment', { trackingNumber: asked });
  }
  return { shipments: consignments.map(consignment), problems: [] };
}

function consignment(c: Node): TrackedShipment {
  const status = text(c.Status);
  const raw = asArray(c.Events);
  const specs = raw.map(eventSpec);
  // A consignment SEKO reports delivered (or picked up) without any event: its status node is the event.
  const when = text(c.Delivered) ?? text(c.Picked);
  if (raw.length === 0 && status && when)
    specs.push({ code: null, text: status, time: { value: when }, tables: [SEKO_CODES] });
  const { events, skipped } = collectEvents(specs);
  return trackedShipment(text(c.ConsignmentNo) as string, {
    events: oldestFirst(events, false),
    skipped,
    carrierStatus: status ? { code: status, text: status } : null,
  });
}

function eventSpec(e: Node): EventSpec {
  const where = place(text(e?.Location));
  return {
    code: text(e?.OmniCode) ?? text(e?.Code),
    text: text(e?.Description),
    time: { value: text(e?.EventDT) },
    location: where,
    tables: [SEKO_CODES],
  };
}

/** "LONDON,EGHAM,GB", "Egham, Surrey,GB", "Essen, DE", "NL": the last part is the country when it is one. */
export function place(value: string | null): EventLocation | null {
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const country = normalizeCountry(parts.at(-1));
  const rest = country ? parts.slice(0, -1) : parts;
  return location({ city: rest[0], region: rest.slice(1).join(', ') || null, country });
}
