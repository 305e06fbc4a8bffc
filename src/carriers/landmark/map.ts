import type {
  CanonicalEvent,
  MapProblem,
  MapResult,
  PayloadInput,
  ProblemKind,
  TrackedShipment,
} from '../model.js';
import { collectEvents, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { LANDMARK_CODES, stageRule } from './codes.js';
import { landmarkPlace } from './place.js';

// Landmark Global Track API (XML): TrackResponse/Result with Success, ShipmentDetails/EndDeliveryCarrier and
// Packages/Package: TrackingNumber (the last-mile carrier's), LandmarkTrackingNumber (Landmark's own, the
// number wismo tracks) and Events/Event (Status text, DateTime, Location, EventCode). Errors come as
// Result/Success false with Errors/Error (ErrorCode, ErrorMessage). DateTime is a local time without offset,
// written "10/01/2025 03:02 PM" or "2025-10-27 05:48:01", in the zone of the event's own place: one package
// crosses countries (UK scans, then Irish or German delivery), so times are placed event by event, and
// events are sorted on the resulting instants whatever order Landmark lists them in.

const FORMATS = ['MM/dd/yyyy hh:mm a', 'M/d/yyyy h:mm a', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapLandmark(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Landmark HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const response = parsed.value?.TrackResponse;
  const result = response?.Result;
  if (!result || typeof result !== 'object')
    return failed('malformed', 'Landmark answer without TrackResponse/Result');
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;

  const problems: MapProblem[] = asArray(response.Errors?.Error ?? result.Errors?.Error).map((e: Node) => {
    const message = text(e?.ErrorMessage) ?? text(result.ResultMessage) ?? 'Landmark error';
    return problem(errorKind(message), message, { code: text(e?.ErrorCode), trackingNumber: asked });
  });
  if (text(result.Success) === 'false' && problems.length === 0) {
    const message = text(result.ResultMessage) ?? 'Landmark request failed';
    problems.push(problem(errorKind(message), message, { trackingNumber: asked }));
  }
  const shipments = asArray(result.Packages?.Package)
    .filter((p: Node) => text(p?.LandmarkTrackingNumber) ?? text(p?.TrackingNumber))
    .map(pkg);
  if (shipments.length === 0 && problems.length === 0) {
    problems.push(problem('not_found', 'Landmark returned no package', { trackingNumber: asked }));
  }
  return { shipments, problems };
}

function pkg(p: Node): TrackedShipment {
  const { events, skipped } = collectEvents(
    asArray(p.Events?.Event).map((e: Node) => ({
      code: text(e?.EventCode),
      text: text(e?.Status),
      time: { value: text(e?.DateTime), formats: FORMATS },
      location: landmarkPlace(text(e?.Location)),
      tables: [LANDMARK_CODES],
      classRule: stageRule(text(e?.EventCode)),
    })),
  );
  return trackedShipment((text(p.LandmarkTrackingNumber) ?? text(p.TrackingNumber)) as string, {
    events: byTime(events),
    skipped,
  });
}

/** Login and validation errors are refusals; unknown numbers and outages are told by their message. */
function errorKind(message: string): ProblemKind {
  if (/not found|no (tracking|record|result)|unknown (tracking|package)/i.test(message)) return 'not_found';
  if (/time.?out|try again|unavailable|temporar/i.test(message)) return 'retryable';
  return 'carrier_error';
}

/** Landmark's list order varies (oldest or newest first): sorted by instant, ties kept in Landmark's order. */
function byTime(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
