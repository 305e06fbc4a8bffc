import type { EventLocation } from '../../domain/shapes.js';
import type { MapProblem, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { CANPAR_CODES } from './codes.js';
import { zoneLocation } from './postal-zone.js';

// Canpar CanShip web services (SOAP 1.2): trackByBarcodeResponse/return holds an error string or one or more
// results. Events come newest first with a local time "20110308 091442" and the address of the terminal;
// the time is placed in that address's zone. Canpar also sends `time_shift` (3 for Ontario terminals), whose
// meaning it does not document: it is not used as an offset. The French descriptions arrive mis-encoded
// ("LIVR…"); wismo keeps the English ones and never rewrites either. karrio's fixtures wrap the envelope in a
// synthetic <wrapper> element, which is looked through.

const FORMATS = ['yyyyMMdd HHmmss', 'yyyyMMdd HHmm'];

const place = (a: Node): EventLocation | null =>
  location({
    city: text(a?.city),
    region: text(a?.province),
    postalCode: text(a?.postal_code),
    country: text(a?.country),
  });

export function mapCanpar(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Canpar HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const root = parsed.value?.wrapper ?? parsed.value;
  const body = at(root, 'Envelope', 'Body');
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const fault = body?.Fault;
  if (fault) {
    const message = text(at(fault, 'Reason', 'Text')) ?? text(fault.faultstring) ?? 'SOAP fault';
    return failed(kindForHttpStatus(input.httpStatus) ?? 'carrier_error', message, {
      code: text(at(fault, 'Code', 'Value')) ?? text(fault.faultcode),
      trackingNumber: asked,
    });
  }
  // trackByBarcodeResponse, trackByReferenceResponse…: whichever response the body holds.
  const responseKey = Object.keys(body ?? {}).find((k) => k.endsWith('Response'));
  const ret = responseKey ? body[responseKey]?.return : undefined;
  if (!ret) return failed('malformed', 'Canpar answer without a tracking response');

  const problems: MapProblem[] = [];
  const error = text(ret.error);
  const results = asArray(ret.result).filter((r: Node) => r && typeof r === 'object' && text(r.barcode));
  if (error)
    problems.push(problem(errorKind(error), error, { trackingNumber: results.length === 0 ? asked : null }));
  const shipments: TrackedShipment[] = results.map(result);
  if (shipments.length === 0 && problems.length === 0) {
    problems.push(problem('not_found', 'Canpar returned no tracking result', { trackingNumber: asked }));
  }
  return { shipments, problems };
}

function result(r: Node): TrackedShipment {
  const { events, skipped } = collectEvents(asArray(r.events).map(eventSpec));
  const edd = resolveDate(text(r.estimated_delivery_date), ['yyyyMMdd']);
  return trackedShipment(text(r.barcode) as string, {
    events: oldestFirst(events, true),
    skipped,
    edd: edd ? { date: edd, windowStart: null, windowEnd: null } : null,
    service: text(r.service_description_en) ?? text(r.service_description_fr),
    signedBy: text(r.signed_by),
    destination: place(r.consignee_address),
  });
}

function eventSpec(e: Node): EventSpec {
  const description = text(e?.code_description_en) ?? text(e?.code_description_fr);
  const where = place(e?.address);
  return {
    code: text(e?.code),
    text: [description, text(e?.comment)].filter(Boolean).join(' - '),
    time: { value: text(e?.local_date_time), formats: FORMATS, location: zoneLocation(where) },
    location: where,
    tables: [CANPAR_CODES],
  };
}

function errorKind(message: string): ProblemKind {
  if (/not found|no (tracking|result|record|information)|invalid barcode|does not exist/i.test(message)) {
    return 'not_found';
  }
  if (/unavailable|timeout|timed out|try again|temporar/i.test(message)) return 'retryable';
  return 'carrier_error';
}
