import type { CanonicalEvent, MapProblem, MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { classRule, GLS_EVENT_CODES, GLS_STATUSES } from './codes.js';

// GLS Track & Trace API (ParcelsResponseDTO): { parcels: [{ requested, unitno, status, statusDateTime,
// events: [{ code, description, city, postalCode, country, eventDateTime }], errorCode, errorMessage }] },
// one entry per number asked for, events newest first. Times carry an offset without colon
// ("2024-10-11T15:24:57+0200"). A number GLS does not know comes back with errorCode "E_404_01"; the
// code embeds the HTTP status it stands for.

export function mapGls(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `GLS HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  if (!Array.isArray(body?.parcels)) {
    // Request-level errors come as { errorCode, errorMessage } or a problem document.
    const code = text(body?.errorCode) ?? text(body?.status);
    if (code) return { shipments: [], problems: [errorProblem(body, null, input)] };
    return failed('malformed', 'GLS answer without parcels');
  }
  const result: MapResult = { shipments: [], problems: [] };
  for (const parcel of body.parcels as Node[]) {
    if (text(parcel?.errorCode)) {
      result.problems.push(errorProblem(parcel, text(parcel.requested), input));
      continue;
    }
    const shipment = mapParcel(parcel);
    if (shipment) result.shipments.push(shipment);
    else result.problems.push(problem('malformed', 'GLS parcel without unitno or requested'));
  }
  return result;
}

function errorProblem(e: Node, number: string | null, input: PayloadInput): MapProblem {
  const code = text(e?.errorCode) ?? text(e?.status);
  const embedded = /^E_(\d{3})/.exec(code ?? '')?.[1] ?? (/^\d{3}$/.test(code ?? '') ? code : null);
  const kind = kindForHttpStatus(embedded ? Number(embedded) : input.httpStatus) ?? 'carrier_error';
  const message = text(e?.errorMessage) ?? text(e?.detail) ?? text(e?.title) ?? code ?? 'GLS error';
  return problem(kind, message, { code, trackingNumber: number });
}

function mapParcel(parcel: Node): TrackedShipment | null {
  const number = text(parcel?.unitno) ?? text(parcel?.requested);
  if (!number) return null;
  const specs: EventSpec[] = asArray(parcel.events).map((e: Node) => {
    const code = text(e?.code);
    return {
      code,
      text: text(e?.description),
      time: { value: text(e?.eventDateTime) },
      location: location({ city: text(e?.city), postalCode: text(e?.postalCode), country: text(e?.country) }),
      tables: [GLS_EVENT_CODES],
      classRule: classRule(code),
    };
  });
  const status = text(parcel.status);
  // A parcel status with its time but no event list still says where the parcel is.
  if (specs.length === 0 && status && text(parcel.statusDateTime)) {
    specs.push({
      code: status,
      text: status,
      time: { value: text(parcel.statusDateTime) },
      tables: [GLS_STATUSES],
    });
  }
  const { events, skipped } = collectEvents(specs);
  return trackedShipment(number, {
    events: oldestFirst(events),
    skipped,
    carrierStatus: status ? { code: status, text: status } : null,
  });
}

/** GLS lists events newest first; sorted by instant, ties kept in reverse of GLS's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : b.i - a.i))
    .map(({ e }) => e);
}
