import type { CanonicalEvent, MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { CANADAPOST_EVENTS } from './codes.js';
import { messageProblems } from './errors.js';
import { destinationPlace, eventPlace } from './place.js';

// Canada Post "Get Tracking Details" (vis/track/pin|dnc/{n}/detail, track-v2 XML). One <tracking-detail>
// per call, its <significant-events> newest first. Each occurrence has a local date and time and, beside
// them, the zone Canada Post read them in (<event-time-zone>EST</event-time-zone>, or a name such as ISRAEL,
// an IANA alias; an empty or unknown one leaves it to the event's place). Identifiers are strings, mostly
// zero-padded ("0174"), and are compared as strings. A lookup by delivery notice card answers with the
// parcel's PIN, which is kept. karrio's fixtures wrap the document in a synthetic <wrapper> element; one
// active_shipping file has a space before the XML declaration (parseXml trims it).

const FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

/** The identifier as sent, then zero-padded to four digits, then without the padding ("20" / "0020"). */
function lookupCodes(code: string | null): string[] {
  if (!code) return [];
  if (!/^\d+$/.test(code)) return [code];
  return [...new Set([code, code.padStart(4, '0'), String(Number(code))])];
}

export function mapCanadaPost(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Canada Post HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const root = parsed.value?.wrapper ?? parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (root?.messages !== undefined) {
    return { shipments: [], problems: messageProblems(root.messages, asked, input.httpStatus) };
  }
  const detail = root?.['tracking-detail'];
  const pin = text(detail?.pin);
  if (!detail || typeof detail !== 'object' || !pin) {
    return failed('malformed', 'Canada Post answer without a tracking-detail PIN');
  }

  const occurrences = asArray(at(detail, 'significant-events', 'occurrence')).filter(
    (o: Node) => o && typeof o === 'object',
  );
  const { events, skipped } = collectEvents(occurrences.map(eventSpec));
  const eddDate = resolveDate(
    text(detail['changed-expected-date']) ?? text(detail['expected-delivery-date']),
  );
  return {
    shipments: [
      trackedShipment(pin, {
        events: oldestFirst(events),
        skipped,
        edd: eddDate ? { date: eddDate, windowStart: null, windowEnd: null } : null,
        service: text(detail['service-name']) ?? text(detail['service-name-2']),
        // Newest first: the latest signature names who has the item now (a redelivery signs again).
        signedBy: occurrences.map((o: Node) => text(o['signatory-name'])).find(Boolean) ?? null,
        destination: destinationPlace(text(detail['destination-postal-id'])),
      }),
    ],
    problems: [],
  };
}

function eventSpec(o: Node): EventSpec {
  const code = text(o['event-identifier']);
  const date = text(o['event-date']);
  const time = text(o['event-time']);
  const where = eventPlace(text(o['event-site']), text(o['event-province']));
  return {
    code,
    text: text(o['event-description']),
    // A date without a time is not an instant: it is skipped, not placed at midnight.
    time: {
      value: date && time ? `${date} ${time}` : null,
      formats: FORMATS,
      zone: text(o['event-time-zone']),
    },
    location: where,
    tables: [CANADAPOST_EVENTS],
    lookup: lookupCodes(code),
  };
}

/** Canada Post lists newest first; oldest first here, events at the same instant keep their relative order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return [...events]
    .reverse()
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
