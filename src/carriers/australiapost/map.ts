import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapProblem, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { AUSPOST_EVENT_DESCRIPTIONS } from './codes.js';

// Australia Post Track API (GET /shipping/v1/track?tracking_ids=…, up to 10 ids): one tracking_result per
// id asked for, each with trackable_items that are either articles ({ article_id, product_type, events,
// status }) or a consignment ({ consignment_id, number_of_items, items: [articles] }). Events are newest
// first, with an ISO time and offset, a description and an optional location text ("KEW VIC",
// "CHICAGO (US)", "US-60199, UNITED STATES", "NZ"). Errors: { errors: [{ code, name, message }] } for the
// whole request, or { tracking_id, errors: [...] } inside tracking_results for one id.

const TABLES = [AUSPOST_EVENT_DESCRIPTIONS];
const KEYS = Object.keys(AUSPOST_EVENT_DESCRIPTIONS.rules).sort((a, b) => b.length - a.length);

// Error codes of the Track API that mean "no such id" (the others are refusals of the request).
const ERROR_KINDS: Record<string, ProblemKind> = {
  'ESB-10001': 'not_found', // Invalid tracking ID
  'ESB-10002': 'not_found', // Tracking ID not found / no events yet
  '51101': 'carrier_error', // more than 10 ids in one request
};

const STATES = new Set(['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA']);

export function mapAustraliaPost(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Australia Post HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'Australia Post answer is not an object');
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (!Array.isArray(body.tracking_results)) {
    const errors = asArray(body.errors);
    if (errors.length > 0)
      return { shipments: [], problems: errors.map((e) => errorProblem(e, asked, input)) };
    return failed('malformed', 'Australia Post answer without tracking_results');
  }
  const result: MapResult = { shipments: [], problems: [] };
  for (const r of body.tracking_results as Node[]) {
    const id = text(r?.tracking_id);
    const errors = asArray(r?.errors);
    if (errors.length > 0) {
      result.problems.push(...errors.map((e) => errorProblem(e, id, input)));
      continue;
    }
    if (!id) {
      result.problems.push(problem('malformed', 'Australia Post tracking result without tracking_id'));
      continue;
    }
    result.shipments.push(mapResult(r, id));
  }
  return result;
}

function errorProblem(e: Node, number: string | null, input: PayloadInput): MapProblem {
  const code = text(e?.code);
  const name = text(e?.name) ?? '';
  const kind =
    (code ? ERROR_KINDS[code] : undefined) ??
    (/rate.?limit|too many requests/i.test(name) ? 'retryable' : null) ??
    kindForHttpStatus(input.httpStatus) ??
    'carrier_error';
  return problem(kind, text(e?.message) ?? (name || code) ?? 'Australia Post error', {
    code,
    trackingNumber: number,
  });
}

function mapResult(r: Node, id: string) {
  const items = asArray(r.trackable_items);
  // A consignment lists its articles under items; an article stands alone.
  const articles: Node[] = items.flatMap((i: Node) => (Array.isArray(i?.items) ? i.items : [i]));
  const specs: EventSpec[] = articles.flatMap((a) =>
    asArray(a?.events).map((e: Node) => {
      const description = text(e?.description);
      return {
        code: '',
        text: description,
        time: { value: text(e?.date) },
        location: place(text(e?.location)),
        tables: TABLES,
        lookup: [description, ...matchingKeys(description)],
      };
    }),
  );
  const { events, skipped } = collectEvents(specs);
  const consignment = items.find((i: Node) => Array.isArray(i?.items));
  const status = text(r.status) ?? (articles.length === 1 ? text(articles[0]?.status) : null);
  return trackedShipment(id, {
    events: oldestFirst(events),
    skipped,
    service: text(articles[0]?.product_type),
    pieces: num(consignment?.number_of_items) ?? (consignment ? articles.length : null),
    carrierStatus: status ? { code: status, text: status } : null,
  });
}

/** Table keys a templated description starts with, longest first ("Card left - Item being held at …"). */
function matchingKeys(description: string | null): string[] {
  if (!description) return [];
  const d = description.toLowerCase();
  return KEYS.filter((k) => {
    const key = k.toLowerCase();
    return d === key || (d.startsWith(key) && /[^a-z0-9]/.test(d[key.length] ?? ''));
  });
}

/** Australia Post's location texts: "KEW VIC", "CHICAGO (US)", "US-60199, UNITED STATES", "NZ". */
function place(raw: string | null): EventLocation | null {
  // "Transit Scan" is the scanner's name, not a place.
  if (!raw || /^transit scan$/i.test(raw)) return null;
  const state = /^(.+?)\s+([A-Z]{2,3})$/.exec(raw);
  if (state && STATES.has(state[2] as string))
    return location({ city: state[1], region: state[2], country: 'AU' });
  const bracket = /^(.+?)\s*\(([A-Z]{2})\)$/.exec(raw);
  if (bracket) return location({ city: bracket[1], country: bracket[2] });
  const postal = /^([A-Z]{2})-([A-Z0-9 ]+),\s*(.+)$/.exec(raw);
  if (postal) return location({ postalCode: postal[2], country: postal[1] });
  if (/^[A-Z]{2}$/.test(raw)) return location({ country: raw });
  return location({ city: raw });
}

/** Australia Post lists events newest first; sorted by instant, ties kept in reverse of its order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : b.i - a.i))
    .map(({ e }) => e);
}
