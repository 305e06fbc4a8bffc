import type { CanonicalEvent, MapProblem, MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { DHL_EXPRESS_CODES, DHL_EXPRESS_PRODUCTS } from './codes.js';
import { awbInMessage, errorKind } from './errors.js';
import { oldestFirst } from './order.js';
import { serviceArea, timeLocation } from './place.js';

// DHL Express XML Services (XML-PI) TrackingResponse: one AWBInfo per waybill asked for, each with a Status
// (ActionStatus "success", or a Condition saying why not) and ShipmentInfo: service areas, shipper and
// consignee, Pieces, GlobalProductCode, EstDlvyDate ("2021-05-07 23:59:00 GMT-04:00") and ShipmentEvent
// nodes, oldest first. An event has Date and Time apart, local to its ServiceArea, with no offset.
// Request-level failures come as ShipmentTrackingErrorResponse (or ErrorResponse) with a Condition.

const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapDhlExpressXml(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `DHL Express HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const root = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const error = root?.ShipmentTrackingErrorResponse ?? root?.ErrorResponse;
  if (error)
    return { shipments: [], problems: conditions(error?.Response?.Status, null, asked, input.httpStatus) };

  const response = root?.TrackingResponse;
  const awbs = asArray(response?.AWBInfo);
  if (!response || awbs.length === 0) return failed('malformed', 'DHL Express answer without AWBInfo');
  const result: MapResult = { shipments: [], problems: [] };
  for (const awb of awbs) {
    const number = text(awb?.AWBNumber);
    const info = awb?.ShipmentInfo;
    const ok = /^success$/i.test(text(awb?.Status?.ActionStatus) ?? '');
    if (!ok || !number) {
      result.problems.push(...conditions(awb?.Status, number, asked, input.httpStatus));
      continue;
    }
    // A waybill DHL knows but has no ShipmentInfo for yet is a shipment without events.
    result.shipments.push(shipment(number, info && typeof info === 'object' ? info : {}));
  }
  return result;
}

/** The problems a Status lists; the number is the AWB's, else the one its message names, else the one asked. */
function conditions(
  status: Node,
  number: string | null,
  asked: string | null,
  httpStatus?: number | null,
): MapProblem[] {
  const list = asArray(status?.Condition);
  const action = text(status?.ActionStatus) ?? 'DHL Express error';
  if (list.length === 0)
    return [problem(errorKind(null, action, httpStatus), action, { trackingNumber: number ?? asked })];
  return list.map((c: Node) => {
    const code = text(c?.ConditionCode);
    const message = text(c?.ConditionData)?.replace(/\s+/g, ' ') ?? action;
    return problem(errorKind(code, `${action} ${message}`, httpStatus), message, {
      code,
      trackingNumber: number ?? awbInMessage(message) ?? asked,
    });
  });
}

function shipment(number: string, info: Node): TrackedShipment {
  const raw = asArray(info.ShipmentEvent);
  const { events, skipped } = collectEvents(raw.map(eventSpec));
  const product = text(info.GlobalProductCode);
  return trackedShipment(number, {
    events: oldestFirst(events),
    skipped,
    service: product ? (DHL_EXPRESS_PRODUCTS[product] ?? product) : null,
    signedBy: signatory(raw, events),
    pieces: num(info.Pieces),
    origin: party(info.Shipper) ?? serviceArea(text(info.OriginServiceArea?.Description)),
    destination: party(info.Consignee) ?? serviceArea(text(info.DestinationServiceArea?.Description)),
    edd: estimate(text(info.EstDlvyDate)),
  });
}

function eventSpec(e: Node): EventSpec {
  const place = serviceArea(text(e?.ServiceArea?.Description));
  const date = text(e?.Date);
  const time = text(e?.Time);
  return {
    code: text(e?.ServiceEvent?.EventCode),
    text: text(e?.ServiceEvent?.Description),
    // A date without a time of day is not an instant: the event is skipped rather than put at midnight.
    time: {
      value: date && time ? `${date} ${time}` : null,
      formats: TIME_FORMATS,
      location: timeLocation(place),
    },
    location: place,
    tables: [DHL_EXPRESS_CODES],
  };
}

/** Who signed: the Signatory of the delivery checkpoint (on other checkpoints DHL puts weights or accounts there). */
function signatory(raw: Node[], events: CanonicalEvent[]): string | null {
  if (!events.some((e) => e.rawCode === 'OK')) return null;
  const delivery = [...raw].reverse().find((e: Node) => text(e?.ServiceEvent?.EventCode) === 'OK');
  return text(delivery?.Signatory);
}

function party(p: Node) {
  return location({
    city: text(p?.City),
    region: text(p?.DivisionCode),
    postalCode: text(p?.PostalCode),
    country: text(p?.CountryCode),
  });
}

/** EstDlvyDate is local to the destination with its GMT offset beside it; the date is the promise. */
function estimate(value: string | null) {
  const local = value?.replace(/\s*GMT.*$/i, '');
  const date = resolveDate(local, ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd']);
  return date ? { date, windowStart: null, windowEnd: null } : null;
}
