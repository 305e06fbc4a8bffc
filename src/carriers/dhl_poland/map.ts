import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classify } from '../support/classify.js';
import { asArray, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { DHL_POLAND_CODES } from './codes.js';
import { classifyPolish } from './text.js';

// DHL Parcel Poland, DHL24 WebAPI getTrackAndTraceInfo (SOAP): getTrackAndTraceInfoResult with shipmentId,
// receivedBy (who took the parcel, once delivered) and events (item or shipmentEvent elements, newest first):
// status (the code), description, terminal (the depot's name) and timestamp "2012-10-12 07:40:31" in Polish
// local time, no offset. Errors are SOAP faults with DHL's numeric faultcode and a Polish faultstring.

const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapDhlPoland(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `DHL24 HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value?.Envelope?.Body ?? parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (body?.Fault) {
    const message = text(body.Fault.faultstring) ?? 'DHL24 SOAP fault';
    return failed(errorKind(message, input.httpStatus), message, {
      code: text(body.Fault.faultcode),
      trackingNumber: asked,
    });
  }
  const result = body?.getTrackAndTraceInfoResponse?.getTrackAndTraceInfoResult;
  const number = text(result?.shipmentId) ?? asked;
  if (!result || typeof result !== 'object' || !number)
    return failed('malformed', 'DHL24 answer without getTrackAndTraceInfoResult');

  const raw = [...asArray(result.events?.item), ...asArray(result.events?.shipmentEvent)];
  const { events, skipped } = collectEvents(raw.map(eventSpec));
  return {
    shipments: [
      trackedShipment(number, {
        events: oldestFirst(events),
        skipped,
        signedBy: text(result.receivedBy),
      }),
    ],
    problems: [],
  };
}

function eventSpec(e: Node): EventSpec {
  const code = text(e?.status);
  const words = text(e?.description);
  const known = classify([DHL_POLAND_CODES], [code], null);
  return {
    code,
    text: words,
    time: { value: text(e?.timestamp), formats: TIME_FORMATS },
    // The depot is a DHL Poland terminal: its clock is Poland's.
    location: location({ city: text(e?.terminal), country: 'PL' }),
    tables: [DHL_POLAND_CODES],
    // A code the table lacks is read from DHL's Polish words before the shared English rules.
    classRule: known.mapped ? null : classifyPolish(words),
  };
}

function errorKind(message: string, httpStatus?: number | null): ProblemKind {
  if (/nie (znaleziono|istnieje)|brak przesy(ł|l)ki|not found|no shipment/i.test(message)) return 'not_found';
  const byStatus = kindForHttpStatus(httpStatus);
  if (byStatus && byStatus !== 'carrier_error') return byStatus;
  if (
    /niedost(ę|e)pn|spr(o|ó)buj (ponownie|p(o|ó)(ź|z)niej)|time.?out|unavailable|b(ł|l)(ą|a)d serwera/i.test(
      message,
    )
  )
    return 'retryable';
  return 'carrier_error';
}

function oldestFirst<T extends { occurredAt: string }>(events: T[]): T[] {
  const list =
    (events[0]?.occurredAt ?? '') > (events.at(-1)?.occurredAt ?? '') ? [...events].reverse() : events;
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
