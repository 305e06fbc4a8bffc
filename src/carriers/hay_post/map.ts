import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { HAY_POST_STATES } from './codes.js';

// HayPost order tracking (JSON): order (trackingId, stateId, service, createDate), the destination and
// return addresses, and orderStateHistories: one entry per state the order went through, with stateId and
// createDate, a local time without offset ("2024-06-10T08:59:20.5298"). HayPost records them in Armenia, so
// they are placed in Armenia's zone. States have no text. Placeholder dates ("0001-01-01T00:00:00") are no
// dates. Errors are { key, name } (e.g. key "order_not_found").

const ARMENIA: EventLocation = { countryCode: 'AM' };
// HayPost's own country ids; 11 is Armenia (the only one a HayPost return address can have).
const COUNTRY_IDS: Record<string, string> = { '11': 'AM' };

export function mapHayPost(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `HayPost HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const error = Array.isArray(body) ? body.find((e: Node) => text(e?.key)) : text(body?.key) ? body : null;
  if (error) {
    const key = text(error.key) as string;
    const message = text(error.name) ?? key.replace(/_/g, ' ');
    return failed(errorKind(key, input.httpStatus), message, { code: key, trackingNumber: asked });
  }
  const order = body?.order;
  const number = text(order?.trackingId);
  if (!number) return failed('malformed', 'HayPost answer without order.trackingId');

  const { events, skipped } = collectEvents(
    asArray(body.orderStateHistories).map((h: Node) => ({
      code: text(h?.stateId),
      text: null,
      time: { value: text(h?.createDate), location: ARMENIA },
      tables: [HAY_POST_STATES],
    })),
  );
  const destination = body.orderDestinationAddress;
  const edd = resolveDate(text(destination?.deliveryDate));
  const state = text(order.stateId);
  return {
    shipments: [
      trackedShipment(number, {
        events: oldestFirst(events),
        skipped,
        service: text(order.service?.name),
        edd: edd ? { date: edd, windowStart: null, windowEnd: null } : null,
        origin: address(body.returnAddress),
        destination: address(destination),
        carrierStatus: state ? { code: state, text: '' } : null,
      }),
    ],
    problems: [],
  };
}

function address(a: Node): EventLocation | null {
  return location({
    city: text(a?.cityVillage?.name),
    region: text(a?.provinceState?.name),
    postalCode: text(a?.postalCode),
    country: text(a?.country?.name) ?? COUNTRY_IDS[text(a?.country?.id) ?? ''] ?? null,
  });
}

function errorKind(key: string, httpStatus: number | null | undefined): ProblemKind {
  if (/not_?found/i.test(key)) return 'not_found';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

/** States sorted by time, ties kept in HayPost's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
