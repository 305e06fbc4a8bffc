import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { BPOST_CODES, familyRule } from './codes.js';

// bpost item tracking (schema.post.be/tracking/v1): itemTracking with itemCode, sender and addressee
// addresses, deliveryTime (the actual distribution time once delivered, not an estimate) and stateInfo
// events OLDEST first, each with a time carrying its offset, a stateCode and a stateDescription. Several
// items come as itemTrackings/itemTracking. Errors are exception documents: systemException ("try again in
// a few moments": retryable), businessException and validationException (refused requests).

export function mapBpost(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `bpost HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const root = parsed.value ?? {};
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const exceptionKey = Object.keys(root).find((k) => /exception$/i.test(k));
  if (exceptionKey) {
    const ex = root[exceptionKey];
    const message = text(ex?.message) ?? exceptionKey;
    return failed(exceptionKind(exceptionKey, message), message, {
      code: text(ex?.code) ?? exceptionKey,
      trackingNumber: asked,
    });
  }
  if (!('itemTrackings' in root) && !('itemTracking' in root)) {
    const kind = kindForHttpStatus(input.httpStatus) ?? 'malformed';
    return failed(kind, 'bpost answer without itemTracking', {
      trackingNumber: kind === 'malformed' ? null : asked,
    });
  }
  const items = asArray(root.itemTrackings?.itemTracking ?? root.itemTracking);
  const shipments = items.filter((i: Node) => text(i?.itemCode)).map(item);
  if (shipments.length === 0)
    return failed('not_found', 'bpost answered without an item', { trackingNumber: asked });
  return { shipments, problems: [] };
}

function item(i: Node): TrackedShipment {
  const { events, skipped } = collectEvents(
    asArray(i.stateInfo).map((s: Node) => ({
      code: text(s?.stateCode),
      text: text(s?.stateDescription),
      time: { value: text(s?.time) },
      tables: [BPOST_CODES],
      classRule: familyRule(text(s?.stateCode)),
    })),
  );
  return trackedShipment(text(i.itemCode) as string, {
    events: oldestFirst(events),
    skipped,
    origin: address(i.sender?.address),
    destination: address(i.addressee?.address),
  });
}

const address = (a: Node): EventLocation | null =>
  location({ city: text(a?.city), postalCode: text(a?.postalCode), country: text(a?.countryCode) });

function exceptionKind(name: string, message: string): ProblemKind {
  if (/not found|unknown item|no item|does not exist/i.test(message)) return 'not_found';
  if (/^system/i.test(name) || /try again|unavailable|time.?out/i.test(message)) return 'retryable';
  return 'carrier_error';
}

/** bpost lists states oldest first; sorted by time to be sure, ties kept in bpost's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
