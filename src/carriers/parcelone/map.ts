import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapProblem, MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { PARCELONE_STATUS_CODES } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// ParcelOne TrackLMC (GET /tracking/{CarrierIDLMC}/{TrackingID}): { success: 1, results: { StatusCode,
// CarrierTrackingID, CarrierIDLMC, SignedBy?, EstimatedDelivery?, Events: [{ DateTime, Location,
// Description, StatusCode }] } }, events newest first. Times are ISO without offset, local to the place
// ("Munich, Germany"; hubs are written without their country, "Munich Hub"). The answer does not repeat
// the number asked for. Errors: success 0 or -1 with errors [{ ErrorNo, Message }] or a message, or
// results.ActionResult.Errors.

const FORMATS = ["yyyy-MM-dd'T'HH:mm:ss", 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapParcelOne(input: PayloadInput): MapResult {
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `ParcelOne HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return failed('malformed', 'ParcelOne answer is not an object');
  const errors = collectErrors(body, input, asked);
  const results = body.results;
  if (
    Number(body.success) !== 1 ||
    !results ||
    typeof results !== 'object' ||
    !Array.isArray(results.Events)
  ) {
    return errors.length > 0
      ? { shipments: [], problems: errors }
      : failed('malformed', 'ParcelOne answer without results.Events');
  }

  const places: (EventLocation | null)[] = results.Events.map((e: Node) => place(text(e?.Location)));
  // Hubs are written without their country; when the history names a single country, their clock is
  // that country's (the place itself keeps no country).
  const countries = new Set(places.map((p) => p?.countryCode).filter(Boolean));
  const home = countries.size === 1 ? ([...countries][0] as string) : null;
  const specs: EventSpec[] = results.Events.map((e: Node, i: number) => {
    const where = places[i] ?? null;
    return {
      code: text(e?.StatusCode),
      text: text(e?.Description) ?? text(e?.Status),
      time: {
        value: text(e?.DateTime),
        formats: FORMATS,
        location: where?.countryCode || !home ? where : { ...where, countryCode: home },
      },
      location: where,
      tables: [PARCELONE_STATUS_CODES],
    };
  });
  const { events, skipped } = collectEvents(specs);
  const status = text(results.StatusCode);
  const edd = resolveDate(text(results.EstimatedDelivery), ['dd.MM.yyyy']);
  return {
    shipments: [
      trackedShipment(text(results.TrackingID) ?? asked ?? '', {
        events: oldestFirst(events),
        skipped,
        signedBy: text(results.SignedBy),
        underlyingCarrier: underlyingCarrier(text(results.CarrierIDLMC)),
        edd: edd ? { date: edd, windowStart: null, windowEnd: null } : null,
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: errors,
  };
}

function collectErrors(body: Node, input: PayloadInput, asked: string | null): MapProblem[] {
  const action = body.results?.ActionResult ?? null;
  const listed = [...asArray(body.errors), ...asArray(action?.Errors)];
  const kind = (message: string) =>
    /not found|unknown|no tracking|keine/i.test(message)
      ? 'not_found'
      : (kindForHttpStatus(input.httpStatus ?? (Number(body.status) || null)) ?? 'carrier_error');
  const problems = listed.map((e: Node) => {
    const message = text(e?.Message) ?? 'ParcelOne error';
    return problem(kind(message), message, {
      code: text(e?.ErrorNo) ?? text(e?.StatusCode),
      trackingNumber: text(action?.TrackingID) ?? asked,
    });
  });
  if (problems.length === 0 && (Number(body.success) === -1 || body.type === 'error') && text(body.message)) {
    const message = text(body.message) as string;
    problems.push(problem(kind(message), message, { code: text(body.status), trackingNumber: asked }));
  }
  return problems;
}

/** "Munich, Germany": town and country; a text without comma ("Munich Hub") is the place's name alone. */
function place(raw: string | null): EventLocation | null {
  if (!raw) return null;
  const cut = raw.lastIndexOf(',');
  if (cut < 0) return location({ city: raw });
  const country = location({ country: raw.slice(cut + 1) })?.countryCode ?? null;
  return country ? location({ city: raw.slice(0, cut), country }) : location({ city: raw });
}

/** ParcelOne lists events newest first; sorted by instant, ties kept in reverse of its order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : b.i - a.i))
    .map(({ e }) => e);
}
