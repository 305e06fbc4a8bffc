import type { EventLocation } from '../../domain/shapes.js';
import { lookupCode } from '../adapter.js';
import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { buildEvent, collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classifyText } from '../support/classify.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { ESHIPPER_MILESTONES, MILESTONE_ORDER } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// eShipper tracking (v2 track API): a list of tracking documents, one per number. Each has the carrier it
// moves with (carrierName, carrierService), eShipper's milestone flags (shipmentStatus), the current
// status text and its time (currentStatus, eventTime), and events whose time is `dateTime` or the carrier's
// original `eventDate` ("2024-07-16 10:20:44", local, no zone). Errors: { type, code, message, fieldErrors }.

const FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd h:mm:ss a', 'MM/dd/yyyy HH:mm:ss'];

function errorKind(code: string | null, message: string, httpStatus: number | null | undefined): ProblemKind {
  if (code === '404' || /not found|no tracking|does not exist|invalid tracking/i.test(message))
    return 'not_found';
  const byCode = code && /^\d{3}$/.test(code) ? kindForHttpStatus(Number(code)) : null;
  return byCode ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

/** "Toronto, ON, CA", "Toronto ON" or "Toronto": the town, then region and country when given. */
function place(value: string | null, postalCode: string | null): EventLocation | null {
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return location({
    city: parts[0] ?? null,
    region: parts.length > 1 ? (parts[1] ?? null) : null,
    country: parts.length > 2 ? (parts.at(-1) ?? null) : null,
    postalCode,
  });
}

/** The first of the carrier's times that reads as a time. */
function firstReadable(values: (string | null)[], where: EventLocation | null): string | null {
  return (
    values.find((v) => resolveTime({ value: v, formats: FORMATS, location: where }).ok) ??
    values.find(Boolean) ??
    null
  );
}

export function mapEShipper(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `eShipper HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const docs = asArray(parsed.value);
  if (docs.length === 0) {
    // An empty list: eShipper knows none of the numbers asked for.
    return failed('not_found', 'eShipper returned no tracking', { trackingNumber: asked });
  }
  const parts = docs.map((doc: Node) => mapDocument(doc, input.httpStatus, asked));
  return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
}

function mapDocument(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return failed('malformed', 'eShipper answer is not a tracking document');
  const number = text(doc.trackingNumber);
  if (!number) {
    const code = text(doc.code);
    const message = text(doc.message) ?? text(doc.thirdPartyMessage);
    if (!code && !message) return failed('malformed', 'eShipper answer without trackingNumber');
    const msg = message ?? `eShipper error ${code}`;
    return failed(errorKind(code, msg, httpStatus), msg, { code, trackingNumber: asked });
  }

  const milestone = MILESTONE_ORDER.find((key) => doc.shipmentStatus?.[key] === true) ?? null;
  const rule = milestone ? lookupCode(ESHIPPER_MILESTONES, milestone) : undefined;
  const current = text(doc.currentStatus);
  const collected = collectEvents(asArray(doc.event ?? doc.events).map(eventSpec));
  let events = [...collected.events].sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
  );
  if (rule && milestone) {
    const newest = events.at(-1);
    const own = newest ? classifyText(newest.rawText) : null;
    // The milestone speaks for the newest event when its words say nothing, or when eShipper says delivered
    // and the words only say how far along it was (a return or a problem in the words is kept).
    const progress = !own || !['returning', 'returned', 'cancelled', 'exception'].includes(own.status);
    if (newest && (!own || (rule.status === 'delivered' && progress))) {
      events = [
        ...events.slice(0, -1),
        { ...newest, status: rule.status, substatus: rule.substatus ?? null, mapped: true },
      ];
    }
    if (events.length === 0) {
      // No event list: the current status is the one event, when eShipper says when it happened.
      const built = buildEvent({
        code: milestone,
        text: current ?? milestone,
        time: { value: text(doc.eventTime), formats: FORMATS },
        tables: [],
        rule,
      });
      if (built.ok) events = [built.event];
    }
  }
  const edd = resolveDate(text(doc.expectedDeliveryDate), FORMATS);
  return {
    shipments: [
      trackedShipment(number, {
        underlyingCarrier: underlyingCarrier(text(doc.carrierName)),
        events,
        skipped: collected.skipped,
        edd: edd ? { date: edd, windowStart: null, windowEnd: null } : null,
        service: text(doc.carrierService),
        carrierStatus:
          milestone || current
            ? { code: milestone ?? (current as string), text: current ?? (milestone as string) }
            : null,
      }),
    ],
    problems: [],
  };
}

function eventSpec(e: Node): EventSpec {
  const original = e?.originalEvent;
  const where = place(text(e?.location) ?? text(original?.eventLocation), text(e?.postalCode));
  const code = text(original?.identifier) ?? text(original?.name);
  return {
    code,
    text: text(e?.description) ?? text(original?.name),
    time: { value: firstReadable([text(e?.dateTime), text(original?.eventDate)], where), formats: FORMATS },
    location: where,
    // The underlying carrier's codes: no eShipper table; the words decide.
    tables: [],
  };
}
