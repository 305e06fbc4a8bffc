import { type CodeRule, lookupCode } from '../adapter.js';
import type { MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classifyText } from '../support/classify.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { combine, withTextDetail } from '../support/stage-detail.js';
import { resolveDate } from '../support/time.js';
import { GENERIC_STATUSES, GENERIC_SUBSTATUSES, SHIPPO_STATUS, SHIPPO_SUBSTATUS } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// Shippo bodies: a Track (GET /tracks/:carrier/:number, POST /tracks/), a webhook {event: 'track_updated',
// data: Track}, or an error ({detail: '…'} or field errors). tracking_history is oldest first;
// tracking_status repeats its newest entry under another object_id, so only the history is read (the status
// node gives an event only when the history is empty). status_date is ISO 8601 with Z.
//
// Shippo's documentation gives status_date in UTC and wismo reads it so. In the 2016 USPS cassette the
// times look like local wall-clock times written with a Z (out for delivery at "10:29Z" = 02:29 in Berkeley),
// an issue Shippo acknowledged for some carriers (goshippo/shippo-php-client#29); nothing in the payload
// says which scans are affected, so the Z is taken at its word.

const TABLES = [SHIPPO_SUBSTATUS, SHIPPO_STATUS];

// A TRANSIT scan without substatus may be any step up to the doorstep: its words say which.
const TRANSIT_STEPS = new Set(['in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed']);

const place = (n: Node) =>
  location({
    city: text(n?.city),
    region: text(n?.state),
    postalCode: text(n?.zip),
    country: text(n?.country),
  });

export function mapShippo(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'Shippo body is not an object');
  }
  const track = body.event && body.data && typeof body.data === 'object' ? body.data : body;
  const number = text(track.tracking_number);
  if (!number) return errorResult(body, input.httpStatus);
  const history = asArray(track.tracking_history);
  if (history.length === 0 && !track.tracking_status) {
    // Shippo answers 201 for any number it cannot find at the carrier, with no status and no history.
    return failed(
      'not_found',
      `Shippo has no tracking for ${number} at ${text(track.carrier) ?? 'the carrier'}`,
      {
        trackingNumber: number,
        code: 'tracking_status_null',
      },
    );
  }
  return { shipments: [mapTrack(track, number, history)], problems: [] };
}

/** {detail: '…'} for bad requests (unknown carrier token), or {field: ['…']} for validation errors. */
function errorResult(body: Node, httpStatus: number | null | undefined): MapResult {
  const detail = text(body.detail) ?? text(body.message);
  const fields = Object.entries(body as Record<string, Node>)
    .filter(([, v]) => Array.isArray(v) && v.every((m) => typeof m === 'string'))
    .map(([k, v]) => `${k}: ${(v as string[]).join(' ')}`);
  const message = detail ?? fields.join('; ');
  if (!message) return failed('malformed', 'Shippo body is neither a track nor an error');
  const kind = /not found/i.test(message) ? 'not_found' : (kindForHttpStatus(httpStatus) ?? 'carrier_error');
  return failed(kind, message, { code: httpStatus ? String(httpStatus) : null });
}

/** The rule of a stage with no substatus: the scan text may name the step the stage leaves open. */
function stageRule(status: string, stage: CodeRule, words: string | null): CodeRule {
  const read = classifyText(words);
  if (read && GENERIC_STATUSES.has(status)) return read;
  if (read && status === 'TRANSIT' && TRANSIT_STEPS.has(read.status)) return read;
  return withTextDetail(stage, words);
}

function ruleFor(status: string | null, sub: string | null, words: string | null): Partial<EventSpec> {
  const stage = status ? lookupCode(SHIPPO_STATUS, status) : undefined;
  const named = sub && !GENERIC_SUBSTATUSES.has(sub) ? sub : null;
  const detail = named ? lookupCode(SHIPPO_SUBSTATUS, named) : undefined;
  if (detail) return { rule: combine(stage, detail) };
  const rule = stage && status ? stageRule(status, stage, words) : undefined;
  // An unknown substatus leaves the event unmapped, with the stage as its class.
  if (named) return { lookup: [named], classRule: rule ?? null };
  return rule ? { rule } : { lookup: [status] };
}

function eventSpec(h: Node): EventSpec {
  const status = text(h?.status);
  const sub = text(h?.substatus?.code) ?? text(h?.substatus);
  const words = text(h?.status_details) ?? text(h?.substatus?.text);
  return {
    code: sub ?? status,
    text: words,
    time: { value: text(h?.status_date) },
    location: place(h?.location),
    tables: TABLES,
    ...ruleFor(status, sub, words),
  };
}

function mapTrack(track: Node, number: string, history: Node[]) {
  const nodes = history.length > 0 ? history : [track.tracking_status];
  const { events, skipped } = collectEvents(nodes.map(eventSpec));
  const current = track.tracking_status;
  const eta = resolveDate(text(track.eta));
  const status = text(current?.status);
  return trackedShipment(number, {
    underlyingCarrier: underlyingCarrier(text(track.carrier)),
    events,
    skipped,
    edd: eta ? { date: eta, windowStart: null, windowEnd: null } : null,
    service: text(track.servicelevel?.name),
    origin: place(track.address_from),
    destination: place(track.address_to),
    carrierStatus: status ? { code: status, text: text(current?.status_details) ?? status } : null,
  });
}
