import type { EddFacts, MapProblem, MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, num, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { wsProblemKind } from './errors.js';
import { type FedexScan, newestShipmentFirst, scanSpec } from './events.js';

// FedEx Web Services (SOAP XML) TrackReply, v5 to v14: request-level Notifications, then
// CompletedTrackDetails (one per number asked) holding TrackDetails (one per shipment: DuplicateWaybill means
// FedEx reused the number). Each TrackDetails has its own Notification; ERROR or FAILURE there is that
// number's problem (9045 "please retry later" is transient). Event times are ISO 8601 with offsets.

const FAILED = new Set(['ERROR', 'FAILURE']);

const place = (a: Node) =>
  location({
    city: text(a?.City),
    // An empty <StateOrProvinceCode/> (Japan) is no region, not an unknown one.
    region: text(a?.StateOrProvinceCode),
    postalCode: text(a?.PostalCode),
    country: text(a?.CountryCode) ?? text(a?.CountryName),
  });

export function mapFedexXml(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `FedEx HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const doc = parsed.value;
  const reply = doc?.TrackReply ?? at(doc, 'Envelope', 'Body', 'TrackReply');
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (!reply) {
    const fault = at(doc, 'Envelope', 'Body', 'Fault');
    if (fault) {
      const message = text(fault.faultstring) ?? text(at(fault, 'Reason', 'Text')) ?? 'SOAP fault';
      return failed(kindForHttpStatus(input.httpStatus) ?? 'carrier_error', message, {
        code: text(fault.faultcode) ?? text(at(fault, 'Code', 'Value')),
      });
    }
    return failed('malformed', 'FedEx XML without TrackReply');
  }

  const problems: MapProblem[] = [];
  const completed = asArray(reply.CompletedTrackDetails);
  // Older versions put TrackDetails directly under the reply.
  const groups = completed.length > 0 ? completed : [reply];
  const details = groups.flatMap((g: Node) => asArray(g?.TrackDetails));

  if (details.length === 0) {
    // Nothing per number: the failure, if any, is the request's or the group's.
    const notes = [
      ...asArray(reply.Notifications),
      ...completed.flatMap((g: Node) => asArray(g?.Notifications)),
    ];
    for (const n of notes.filter(isFailure)) problems.push(notificationProblem(n, asked));
    if (problems.length === 0)
      problems.push(problem('not_found', 'FedEx returned no track details', { trackingNumber: asked }));
    return { shipments: [], problems };
  }

  const found: { shipment: TrackedShipment; shippedAt: string | null }[] = [];
  for (const d of details) {
    const number = text(d?.TrackingNumber);
    const note = d?.Notification;
    if (isFailure(note)) {
      problems.push(notificationProblem(note, number ?? (details.length === 1 ? asked : null)));
      if (asArray(d?.Events).length === 0) continue;
    }
    if (!number) {
      problems.push(problem('malformed', 'FedEx track details without a tracking number'));
      continue;
    }
    found.push(trackDetails(number, d));
  }
  return { shipments: newestShipmentFirst(found), problems };
}

function isFailure(n: Node): boolean {
  return FAILED.has((text(n?.Severity) ?? '').toUpperCase());
}

function notificationProblem(n: Node, number: string | null): MapProblem {
  const code = text(n?.Code);
  const message = text(n?.LocalizedMessage) ?? text(n?.Message) ?? `FedEx ${text(n?.Severity)}`;
  return problem(wsProblemKind(code, message), message, { code, trackingNumber: number });
}

function trackDetails(number: string, d: Node): { shipment: TrackedShipment; shippedAt: string | null } {
  // Where the parcel comes from: the shipper's town, else the FedEx location it entered the network at.
  const origin = place(d?.ShipperAddress) ?? place(d?.OriginLocationAddress);
  const destination = place(d?.DestinationAddress) ?? place(d?.ActualDeliveryAddress);
  const scans: FedexScan[] = asArray(d?.Events).map((e: Node) => ({
    type: text(e?.EventType),
    exceptionCode: text(e?.StatusExceptionCode),
    description: text(e?.EventDescription),
    exceptionDescription: text(e?.StatusExceptionDescription),
    time: text(e?.Timestamp),
    location: place(e?.Address),
  }));
  const status = d?.StatusDetail;
  const statusCode = text(status?.Code);
  // A status without an event list: one event from it, when FedEx says when.
  if (scans.length === 0 && statusCode) {
    const time =
      text(status?.CreationTime) ?? (statusCode === 'DL' ? text(d?.ActualDeliveryTimestamp) : null);
    if (time) {
      scans.push({
        type: statusCode,
        exceptionCode: text(at(status, 'AncillaryDetails', 'Reason')),
        description: text(status?.Description),
        exceptionDescription: text(at(status, 'AncillaryDetails', 'ReasonDescription')),
        time,
        location: place(status?.Location),
      });
    }
  }
  const { events, skipped } = collectEvents(scans.map(scanSpec));
  const ship = resolveTime({ value: text(d?.ShipTimestamp), location: origin });
  const signature = text(d?.DeliverySignatureName);
  const pieces = num(d?.PackageCount);
  const shipment = trackedShipment(number, {
    events: oldestFirst(events, true),
    skipped,
    edd: edd(d, destination),
    service: text(d?.Service?.Description) ?? text(d?.Service?.Type),
    // "Signature not required" is FedEx saying nobody signed, not a name.
    signedBy: signature && !/signature not required/i.test(signature) ? signature : null,
    origin,
    destination,
    // 0 is FedEx's "not known" (it also says 0 for numbers it cannot find).
    pieces: pieces && pieces > 0 ? pieces : null,
    carrierStatus: statusCode ? { code: statusCode, text: text(status?.Description) ?? '' } : null,
  });
  return { shipment, shippedAt: ship.ok ? ship.time.occurredAt : null };
}

/** EstimatedDeliveryTimestamp, else a DatesOrTimes entry of type ESTIMATED_DELIVERY: a date to expect. */
function edd(d: Node, destination: ReturnType<typeof place>): EddFacts | null {
  const dated = asArray(d?.DatesOrTimes).find((x: Node) => text(x?.Type) === 'ESTIMATED_DELIVERY');
  const value = text(d?.EstimatedDeliveryTimestamp) ?? text(dated?.DateOrTimestamp);
  const date = resolveDate(value?.slice(0, 10));
  if (!date) return null;
  // A timestamp with a time of day is an estimate to the hour; midnight is FedEx's date-only marker.
  const instant = value && !/T00:00:00/.test(value) ? resolveTime({ value, location: destination }) : null;
  return { date, windowStart: null, windowEnd: instant?.ok ? instant.time.occurredAt : null };
}
