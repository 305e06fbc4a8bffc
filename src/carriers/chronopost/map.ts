import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { CHRONOPOST_CODES } from './codes.js';

// Chronopost tracking web service, trackSkybillV2 (SOAP): return/errorCode (0 = answer) and errorMessage, and
// listEventInfoComp with the skybillNumber and its events, oldest first. Each event has a code, eventLabel,
// eventDate with its offset ("2022-06-19T13:47:53+02:00"), the office (officeLabel, zipCode, NPC = the French
// département) and infoCompList name/value pairs (the consignee's name on the delivery, comments). An event
// at an office without a postal code is a system step ("Web Services"), so it has no location.

export function mapChronopost(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Chronopost HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = at(parsed.value, 'Envelope', 'Body') ?? parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  if (body?.Fault) {
    return failed(
      kindForHttpStatus(input.httpStatus) ?? 'carrier_error',
      text(body.Fault.faultstring) ?? 'SOAP fault',
      {
        code: text(body.Fault.faultcode),
        trackingNumber: asked,
      },
    );
  }
  const ret = at(body, 'trackSkybillV2Response', 'return') ?? at(body, 'trackSkybillResponse', 'return');
  if (!ret || typeof ret !== 'object')
    return failed('malformed', 'Chronopost answer without a tracking return');

  const errorCode = text(ret.errorCode);
  if (errorCode && errorCode !== '0') {
    const message = text(ret.errorMessage) ?? `Chronopost error ${errorCode}`;
    return failed(errorKind(message), message, { code: errorCode, trackingNumber: asked });
  }
  const list = ret.listEventInfoComp;
  const number = text(list?.skybillNumber) ?? asked;
  if (!list || !number)
    return failed('not_found', 'Chronopost returned no events for this skybill', { trackingNumber: asked });

  const raw = asArray(list.events);
  const { events, skipped } = collectEvents(raw.map(eventSpec));
  return {
    shipments: [trackedShipment(number, { events: oldestFirst(events), skipped, signedBy: consignee(raw) })],
    problems: [],
  };
}

function eventSpec(e: Node): EventSpec {
  return {
    code: text(e?.code),
    text: text(e?.eventLabel),
    time: { value: text(e?.eventDate) },
    location: office(e),
    tables: [CHRONOPOST_CODES],
  };
}

function office(e: Node): EventLocation | null {
  const postalCode = text(e?.zipCode);
  if (!postalCode) return null;
  return location({ city: text(e?.officeLabel), postalCode, country: text(e?.NPC) ? 'FR' : null });
}

/** The name Chronopost records on its delivery event ("Consignee's name" / "Nom du destinataire"). */
function consignee(events: Node[]): string | null {
  for (const e of [...events].reverse()) {
    if (text(e?.code) !== 'D') continue;
    const info = asArray(e?.infoCompList).find((i: Node) =>
      /consignee|destinataire/i.test(text(i?.name) ?? ''),
    );
    const name = text(info?.value);
    if (name) return name;
  }
  return null;
}

function errorKind(message: string): ProblemKind {
  if (/not found|unknown|inconnu|introuvable|aucun/i.test(message)) return 'not_found';
  if (/system|technique|technical|indisponible|unavailable|time.?out/i.test(message)) return 'retryable';
  return 'carrier_error';
}

/** Chronopost lists events oldest first; sorted by time to be sure, ties kept in Chronopost's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
