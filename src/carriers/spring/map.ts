import { DateTime } from 'luxon';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import type { TimeInput } from '../support/time.js';
import { SPRING_EVENT_CODES, stepRule } from './codes.js';

// Spring GDS XBS API, TrackShipment: { ErrorLevel, Error, Shipment: { TrackingNumber, Service, Carrier,
// CarrierTrackingNumber, ConsigneeAddress?, Events: [{ Timestamp, DateTime, Code, Description,
// CarrierCode?, CarrierDescription?, City, State, Zip, Country }] } }. Each event has both a Unix
// Timestamp (the instant) and a DateTime without zone ("2024-01-07 10:19:48", the local time where it
// happened). The instant is taken from the Timestamp; the local text is kept, and the offset is their
// difference. ErrorLevel 0 is success; otherwise Error says what went wrong ("Tracking number not found").

const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export function mapSpring(input: PayloadInput): MapResult {
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Spring HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const level = num(body?.ErrorLevel);
  if (level !== null && level !== 0 && !body?.Shipment) {
    const message = text(body.Error) ?? `Spring ErrorLevel ${level}`;
    return failed(errorKind(message, input.httpStatus), message, {
      code: String(level),
      trackingNumber: asked,
    });
  }
  const shipment = body?.Shipment;
  if (!shipment || typeof shipment !== 'object') return failed('malformed', 'Spring answer without Shipment');
  const number = text(shipment.TrackingNumber) ?? asked;
  if (!number) return failed('malformed', 'Spring shipment without TrackingNumber');

  const specs: EventSpec[] = asArray(shipment.Events).map((e: Node) => {
    const code = text(e?.Code);
    const place = location({
      city: text(e?.City),
      region: text(e?.State),
      postalCode: text(e?.Zip),
      country: text(e?.Country),
    });
    return {
      code,
      text: text(e?.Description),
      time: { ...when(num(e?.Timestamp), text(e?.DateTime)), location: place },
      location: place,
      tables: [SPRING_EVENT_CODES],
      classRule: stepRule(code),
    };
  });
  const { events, skipped } = collectEvents(specs);
  const c = shipment.ConsigneeAddress;
  return {
    shipments: [
      trackedShipment(number, {
        events: oldestFirst(events),
        skipped,
        service: text(shipment.Service),
        destination: location({
          city: text(c?.City),
          region: text(c?.State),
          postalCode: text(c?.Zip),
          country: text(c?.Country),
        }),
      }),
    ],
    problems: [],
  };
}

function errorKind(message: string, httpStatus: number | null | undefined): ProblemKind {
  if (/not found|unknown (tracking|shipment)/i.test(message)) return 'not_found';
  if (/timeout|temporar|unavailable|try again|too many/i.test(message)) return 'retryable';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

/**
 * The instant from the Unix Timestamp, written as Spring's local DateTime with the offset the two imply.
 * When they disagree by something that is no UTC offset, the Timestamp alone is kept; without a
 * Timestamp the DateTime is placed in the zone of the event's location.
 */
function when(timestamp: number | null, local: string | null): TimeInput {
  if (timestamp === null) return { value: local, formats: [LOCAL_FORMAT] };
  if (local) {
    const naive = DateTime.fromFormat(local, LOCAL_FORMAT, { zone: 'utc' });
    const offset = naive.isValid ? Math.round((naive.toSeconds() - timestamp) / 60) : Number.NaN;
    if (Math.abs(offset) <= 14 * 60 && offset % 15 === 0)
      return { value: local, formats: [LOCAL_FORMAT], zone: offset };
  }
  return { value: DateTime.fromSeconds(timestamp, { zone: 'utc' }).toISO() };
}

/** Sorted by instant; ties keep the order Spring gave. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
