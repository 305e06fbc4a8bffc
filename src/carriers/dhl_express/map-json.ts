import type { EventLocation } from '../../domain/shapes.js';
import type { MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { DHL_EXPRESS_CODES } from './codes.js';
import { errorKind } from './errors.js';
import { oldestFirst } from './order.js';
import { timeLocation } from './place.js';

// MyDHL API (DHL Express REST) GET /tracking: shipments[] with shipmentTrackingNumber, a lower-case status,
// description (the product name), numberOfPieces, shipperDetails/receiverDetails with postal addresses,
// estimatedTimeOfDelivery (local, no offset) and events[] newest first. An event has date and time apart,
// GMTOffset beside them ("+01:00", when DHL sends it), typeCode (the checkpoint code), description,
// serviceArea[] ({code, description: "New York, NY"}) and signedBy on the delivery. pieces[] repeat the
// shipment's events per piece and are not read again. Errors are HTTP problem bodies {status, title, detail,
// instance: "/tracking?shipmentTrackingNumber=…"}.

const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapDhlExpressJson(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `MyDHL HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (Array.isArray(body?.shipments)) {
    const result: MapResult = { shipments: [], problems: [] };
    for (const s of body.shipments) {
      const number = text(s?.shipmentTrackingNumber);
      if (number) result.shipments.push(shipment(number, s));
      else
        result.problems.push(
          ...failed('malformed', 'MyDHL shipment without shipmentTrackingNumber').problems,
        );
    }
    return result;
  }
  if (body && typeof body === 'object' && (body.status !== undefined || body.title || body.detail)) {
    const status = num(body.status) ?? input.httpStatus ?? null;
    const message = text(body.detail) ?? text(body.title) ?? `MyDHL error ${status ?? ''}`.trim();
    return failed(errorKind(null, message, status), message, {
      code: status === null ? null : String(status),
      trackingNumber: numberIn(text(body.instance)) ?? asked,
    });
  }
  if (Array.isArray(body?.documents))
    return failed('malformed', 'MyDHL proof-of-delivery document, not a tracking answer');
  return failed('malformed', 'MyDHL answer without shipments');
}

function shipment(number: string, s: Node): TrackedShipment {
  const raw = asArray(s.events);
  const origin = address(s.shipperDetails?.postalAddress);
  const destination = address(s.receiverDetails?.postalAddress);
  const { events, skipped } = collectEvents(raw.map((e: Node) => eventSpec(e, [origin, destination])));
  const status = text(s.status);
  const eta = resolveDate(text(s.estimatedTimeOfDelivery), ['yyyy-MM-dd HH:mm:ss']);
  const delivery = raw.find((e: Node) => text(e?.typeCode) === 'OK' && text(e?.signedBy));
  return trackedShipment(number, {
    events: oldestFirst(events),
    skipped,
    service: text(s.description) ?? text(s.productCode),
    signedBy: text(delivery?.signedBy),
    pieces:
      num(s.numberOfPieces) ?? (Array.isArray(s.pieces) && s.pieces.length > 0 ? s.pieces.length : null),
    origin,
    destination,
    edd: eta ? { date: eta, windowStart: null, windowEnd: null } : null,
    carrierStatus: status ? { code: status, text: text(s.statusDescription) ?? status } : null,
  });
}

function eventSpec(e: Node, parties: (EventLocation | null)[]): EventSpec {
  const place = area(text(at0(e?.serviceArea)?.description), parties);
  const date = text(e?.date);
  const time = text(e?.time);
  return {
    code: text(e?.typeCode),
    text: text(e?.description),
    time: {
      // A date without a time of day is not an instant: the event is skipped rather than put at midnight.
      value: date && time ? `${date} ${time}` : null,
      formats: TIME_FORMATS,
      zone: text(e?.GMTOffset),
      location: timeLocation(place),
    },
    location: place,
    tables: [DHL_EXPRESS_CODES],
  };
}

const at0 = (v: Node) => asArray(v)[0];

/**
 * "New York, NY" or "Prague": a city and maybe a region. MyDHL gives no country with a service area; when the
 * city is the shipper's or the receiver's, their country is the area's.
 */
function area(description: string | null, parties: (EventLocation | null)[]): EventLocation | null {
  if (!description) return null;
  const [city, region] = description.split(',').map((p) => p.trim());
  const same = parties.find((p) => p?.city && city && p.city.toLowerCase() === city.toLowerCase());
  return location({ city, region: region ?? null, country: same?.countryCode ?? null });
}

function address(a: Node): EventLocation | null {
  return location({
    city: text(a?.cityName),
    region: text(a?.provinceCode),
    postalCode: text(a?.postalCode),
    country: text(a?.countryCode),
  });
}

/** The number a problem body names: "/tracking?shipmentTrackingNumber=9356579890". */
function numberIn(instance: string | null): string | null {
  if (!instance) return null;
  const query = instance.includes('?') ? instance.slice(instance.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('shipmentTrackingNumber');
}
