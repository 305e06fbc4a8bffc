import type { MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { HERMES_STATUS_CODES, stageRule } from './codes.js';

// Hermes Germany shipment info (GET /shipmentinfo): { shipmentinfo: [{ shipmentID, result { code, message },
// receiverAddress, deliveryForecast { date, timeSlot { from, to } }, status: [{ timestamp, code,
// description, scanningUnit { name, city, countryCode } }] }] }, one entry per shipment asked for. Status
// entries carry ISO times with offsets and come newest first in live answers (karrio's test sample lists
// them the other way): they are sorted by instant. result.code "i…" is information, "e…" an error for that
// shipment (e001: no information for this number). The forecast window is local time at the receiver.

const ERROR_KINDS: Record<string, ProblemKind> = { e001: 'not_found' };

export function mapHermes(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Hermes HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  if (!Array.isArray(body?.shipmentinfo)) {
    // Gateway errors: { title/status/detail } or { code, message }.
    const message = text(body?.detail) ?? text(body?.message) ?? text(body?.title) ?? text(body?.error);
    if (message) {
      const kind = kindForHttpStatus(input.httpStatus ?? Number(text(body?.status))) ?? 'carrier_error';
      return failed(kind, message, { code: text(body?.code) ?? text(body?.status) });
    }
    return failed('malformed', 'Hermes answer without shipmentinfo');
  }
  const result: MapResult = { shipments: [], problems: [] };
  for (const info of body.shipmentinfo as Node[]) {
    const number = text(info?.shipmentID);
    const code = text(info?.result?.code);
    if (code?.toLowerCase().startsWith('e')) {
      const kind = ERROR_KINDS[code.toLowerCase()] ?? kindForHttpStatus(input.httpStatus) ?? 'carrier_error';
      result.problems.push(
        problem(kind, text(info.result.message) ?? code, { code, trackingNumber: number }),
      );
      continue;
    }
    if (!number) {
      result.problems.push(problem('malformed', 'Hermes shipment info without shipmentID'));
      continue;
    }
    result.shipments.push(mapShipment(info, number));
  }
  return result;
}

function mapShipment(info: Node, number: string): TrackedShipment {
  const specs: EventSpec[] = asArray(info.status).map((s: Node) => {
    const code = text(s?.code);
    return {
      code,
      text: text(s?.description),
      time: { value: text(s?.timestamp) },
      location: location({ city: text(s?.scanningUnit?.city), country: text(s?.scanningUnit?.countryCode) }),
      tables: [HERMES_STATUS_CODES],
      classRule: stageRule(code),
    };
  });
  const { events, skipped } = collectEvents(specs);
  const receiver = info.receiverAddress;
  const destination = location({
    city: text(receiver?.city),
    postalCode: text(receiver?.zipCode),
    country: text(receiver?.countryCode),
  });
  return trackedShipment(number, {
    events: oldestFirst(events, false),
    skipped,
    destination,
    edd: forecast(info.deliveryForecast, destination),
  });
}

/** deliveryForecast: a date and a time slot ("10:00"–"18:00") in the receiver's local time. */
function forecast(f: Node, destination: TrackedShipment['destination']): TrackedShipment['edd'] {
  const date = resolveDate(text(f?.date));
  if (!date) return null;
  const at = (time: string | null) => {
    if (!time) return null;
    const r = resolveTime({
      value: `${date} ${time}`,
      formats: ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss'],
      location: destination,
    });
    return r.ok ? r.time.occurredAt : null;
  };
  return { date, windowStart: at(text(f.timeSlot?.from)), windowEnd: at(text(f.timeSlot?.to)) };
}
