import type { EventLocation } from '../../domain/shapes.js';
import type { EddFacts, MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { NATIONEX_EXCEPTIONS, NATIONEX_STATUSES } from './codes.js';

// Nationex tracking API (GET shipment by ShipmentId): one shipment object per number. Two histories:
// StatusHistories[] is the shipment's status trail (ISO instants in UTC), Parcels[].History[] the parcel
// scans and exceptions ("2021-03-31 13:31:00", local, at a depot named by its town). Both are events: the
// parcel scans are where the failed attempts and exceptions are (karrio reads only the first list). Errors
// are { code, message } with an HTTP-like code ("404", "ShipmentId 501399432 does not exist").

const PROVINCES = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
const PARCEL_TIME = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

const address = (a: Node): EventLocation | null => {
  const region = text(a?.ProvinceState);
  return location({
    city: text(a?.City),
    region,
    postalCode: text(a?.PostalCode),
    country: region && PROVINCES.has(region.toUpperCase()) ? 'CA' : null,
  });
};

export function mapNationex(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Nationex HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parts = asArray(parsed.value).map((doc: Node) => mapDocument(doc, input.httpStatus, asked));
  if (parts.length === 0) return failed('malformed', 'empty Nationex answer');
  return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
}

function mapDocument(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return failed('malformed', 'Nationex answer is not a shipment');
  const id = text(doc.ShipmentId);
  if (!id) {
    const message = text(doc.message) ?? text(doc.Message);
    if (!message && doc.code === undefined) return failed('malformed', 'Nationex answer without ShipmentId');
    const code = text(doc.code);
    const kind = kindForHttpStatus(num(doc.code)) ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
    const named = /ShipmentId\s+(\w+)/i.exec(message ?? '')?.[1];
    return failed(kind, message ?? `Nationex error ${code}`, { code, trackingNumber: named ?? asked });
  }

  const sender = address(doc.Sender);
  const destination = address(doc.Destination);
  const parcels = asArray(doc.Parcels).filter((p: Node) => p && typeof p === 'object');
  const { events, skipped } = collectEvents([
    ...asArray(doc.StatusHistories).map(statusEvent),
    ...parcels.flatMap((p: Node) =>
      asArray(p.History).map((h: Node) => parcelEvent(h, [sender, destination])),
    ),
  ]);
  const status = text(doc.ShipmentStatus);
  return {
    shipments: [
      trackedShipment(id, {
        events: [...events].sort((a, b) =>
          a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
        ),
        skipped,
        edd: estimate(parcels, destination),
        service: text(doc.ShipmentType),
        origin: sender,
        destination,
        pieces: num(doc.TotalParcels) ?? (parcels.length || null),
        carrierStatus: status
          ? { code: status, text: text(doc.ShipmentStatusEn) ?? text(doc.ShipmentStatusFr) ?? status }
          : null,
      }),
    ],
    problems: [],
  };
}

function statusEvent(h: Node): EventSpec {
  return {
    code: text(h?.ShipmentStatus),
    text: text(h?.ShipmentStatusEn) ?? text(h?.ShipmentStatusFr),
    time: { value: text(h?.StatusDate) },
    // Nationex delivers in Canada; LastLocation is a town name.
    location: location({ city: text(h?.LastLocation), country: text(h?.LastLocation) ? 'CA' : null }),
    tables: [NATIONEX_STATUSES],
  };
}

/** A parcel scan at a depot; the depot's province is known when it is the sender's or recipient's town. */
function parcelEvent(h: Node, known: (EventLocation | null)[]): EventSpec {
  const depot = text(h?.CityDepot);
  const same = known.find((k) => depot && k?.city?.toLowerCase() === depot.toLowerCase());
  // ExceptionId 0 (or none) is a plain scan: no code, read from its description.
  const exception = num(h?.ExceptionId);
  return {
    code: exception ? String(exception) : null,
    text: text(h?.DescriptionEn) ?? text(h?.DescriptionFr),
    time: { value: text(h?.ProcessedDate), formats: PARCEL_TIME },
    location: location({ city: depot, region: same?.region ?? null, country: depot ? 'CA' : null }),
    tables: [NATIONEX_EXCEPTIONS],
  };
}

/** The latest parcel estimate, with its "Between 12:45 and 13:45" window where the recipient's zone is known. */
function estimate(parcels: Node[], destination: EventLocation | null): EddFacts | null {
  const dated = parcels
    .map((p: Node) => ({ p, date: resolveDate(text(p.EstimatedDeliveryDate)) }))
    .filter((x): x is { p: Node; date: string } => x.date !== null)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  if (!dated) return null;
  const window = /(\d{1,2}:\d{2})\D+(\d{1,2}:\d{2})/.exec(
    text(dated.p.EstimatedDeliveryTimeEn) ?? text(dated.p.EstimatedDeliveryTimeFr) ?? '',
  );
  const at = (hhmm: string | undefined) => {
    const t = resolveTime({
      value: `${dated.date} ${hhmm}`,
      formats: ['yyyy-MM-dd H:mm'],
      location: destination,
    });
    return t.ok && t.time.offsetSource !== 'assumed_utc' ? t.time.occurredAt : null;
  };
  return {
    date: dated.date,
    windowStart: window ? at(window[1]) : null,
    windowEnd: window ? at(window[2]) : null,
  };
}
