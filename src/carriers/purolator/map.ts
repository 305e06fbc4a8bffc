import type { CanonicalEvent, MapProblem, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import {
  descriptionKey,
  PUROLATOR_DESCRIPTIONS,
  PUROLATOR_SCAN_TYPES,
  refineUndeliverable,
} from './codes.js';
import { depotLocation } from './depot.js';

// Purolator Public Web Services, Tracking v1: TrackPackagesByPinResponse (and ByReference) in a SOAP
// envelope. ResponseInformation/Errors lists request errors; TrackingInformationList has one
// TrackingInformation per PIN, its Scans newest first. Scans give a local date and time (ScanDate
// 2004-01-13, ScanTime 172300) and the depot, whose province places the time in a zone. Delivery scans may
// name who signed.

const TABLES = [PUROLATOR_SCAN_TYPES, PUROLATOR_DESCRIPTIONS] as const;
const FORMATS = ['yyyy-MM-dd HHmmss', 'yyyy-MM-dd HHmm', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapPurolator(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Purolator HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const body = at(parsed.value, 'Envelope', 'Body');
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const fault = body?.Fault;
  if (fault) {
    const message = text(fault.faultstring) ?? text(at(fault, 'Reason', 'Text')) ?? 'SOAP fault';
    return failed(kindForHttpStatus(input.httpStatus) ?? 'carrier_error', message, {
      code: text(fault.faultcode) ?? text(at(fault, 'Code', 'Value')),
      trackingNumber: asked,
    });
  }
  const response = body?.TrackPackagesByPinResponse ?? body?.TrackPackagesByReferenceResponse;
  // An empty response element (no list, no errors) is an answer too: it tracked nothing.
  if (response === undefined || response === null) {
    return failed('malformed', 'Purolator answer without a tracking response');
  }

  const infos = asArray(at(response, 'TrackingInformationList', 'TrackingInformation'));
  const problems: MapProblem[] = errorsOf(response?.ResponseInformation, infos.length === 0 ? asked : null);
  const shipments = [];
  for (const info of infos) {
    const pin = text(at(info, 'PIN', 'Value'));
    problems.push(...errorsOf(info?.ResponseInformation, pin));
    if (!pin) {
      problems.push(problem('malformed', 'Purolator tracking information without a PIN'));
      continue;
    }
    const scans = asArray(at(info, 'Scans', 'Scan'));
    const { events, skipped } = collectEvents(scans.map(scanSpec));
    const signedBy = scans.map((s: Node) => text(s?.DeliverySignature)).find((s) => !!s) ?? null;
    shipments.push(trackedShipment(pin, { events: oldestFirst(events), skipped, signedBy }));
  }
  if (shipments.length === 0 && problems.length === 0) {
    problems.push(
      problem('not_found', 'Purolator returned no tracking information', { trackingNumber: asked }),
    );
  }
  return { shipments, problems };
}

function scanSpec(scan: Node): EventSpec {
  const type = text(scan?.ScanType);
  const description = text(scan?.Description);
  const comment = text(scan?.Comment);
  // Kept as Purolator writes it ("New Tracking Number Assigned -"), the comment after it when there is one.
  const rawText = [description, comment].filter(Boolean).join(' ');
  const date = text(scan?.ScanDate);
  const time = text(scan?.ScanTime);
  const spec: EventSpec = {
    code: type,
    text: rawText,
    time: { value: [date, time].filter(Boolean).join(' '), formats: FORMATS },
    location: depotLocation(text(at(scan, 'Depot', 'Name'))),
    tables: TABLES,
    lookup: [type === 'Other' ? null : type, descriptionKey(description)],
  };
  if (type === 'Undeliverable') {
    const refined = refineUndeliverable(rawText);
    if (refined) spec.rule = refined;
  }
  return spec;
}

/** Purolator lists scans newest first; oldest first here, ties in Purolator's order reversed. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return [...events]
    .reverse()
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

const NOT_FOUND = /not found|no (tracking|information|record)|invalid pin|does not exist|unknown pin/i;
const RETRY = /unavailable|timeout|timed out|try again|temporar/i;

function errorsOf(info: Node, number: string | null): MapProblem[] {
  return asArray(at(info, 'Errors', 'Error')).map((e: Node) => {
    const code = text(e?.Code);
    const message =
      [text(e?.Description), text(e?.AdditionalInformation)].filter(Boolean).join(': ') || 'Purolator error';
    const kind: ProblemKind = NOT_FOUND.test(message)
      ? 'not_found'
      : RETRY.test(message)
        ? 'retryable'
        : 'carrier_error';
    return problem(kind, message, { code, trackingNumber: number });
  });
}
