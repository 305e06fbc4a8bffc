import type { MapResult, PayloadInput } from '../model.js';
import { collectEvents, location, oldestFirst, trackedShipment } from '../support/build.js';
import { type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { USPS_EVENT_CODES } from './codes.js';
import { stripMarkup } from './map-xml.js';

// USPS Tracking v3 (JSON, OAuth). trackingEvents[] newest first, each with the local eventTimestamp and its
// GMTOffset (the carrier's own offset, so the instant is exact) and a GMTTimestamp. Errors: an OAuth error
// ({error, error_description}) or {error: {code, message, errors[]}}.

export function mapUspsJson(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `USPS HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  // Several numbers asked at once come back as an array of answers.
  if (Array.isArray(parsed.value)) {
    const parts = parsed.value.map((one: Node, i: number) =>
      mapAnswer(one, input, input.requested?.[i] ?? null),
    );
    return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
  }
  return mapAnswer(parsed.value, input, input.requested?.[0] ?? null);
}

function mapAnswer(body: Node, input: PayloadInput, asked: string | null): MapResult {
  if (typeof body?.error === 'string') {
    return failed('carrier_error', text(body.error_description) ?? body.error, {
      code: body.error,
      trackingNumber: asked,
    });
  }
  if (body?.error && typeof body.error === 'object') {
    const code = text(body.error.code);
    const message = text(body.error.message) ?? 'USPS error';
    const kind =
      code === '404' || /not found|could not locate/i.test(message)
        ? 'not_found'
        : (kindForHttpStatus(input.httpStatus) ?? 'carrier_error');
    return failed(kind, message, { code, trackingNumber: asked });
  }
  if (!Array.isArray(body?.trackingEvents)) return failed('malformed', 'not a USPS tracking answer');
  const { events, skipped } = collectEvents(
    body.trackingEvents.map((e: Node) => ({
      code: text(e?.eventCode),
      text: text(e?.eventType),
      time: { value: text(e?.eventTimestamp), zone: text(e?.GMTOffset) },
      location: location({
        city: text(e?.eventCity),
        region: text(e?.eventState),
        postalCode: text(e?.eventZIP),
        country: text(e?.eventCountry) ?? (text(e?.eventState) ? 'US' : null),
      }),
      tables: [USPS_EVENT_CODES],
    })),
  );
  const eddDate = resolveDate(text(body.expectedDeliveryTimeStamp) ?? text(body.expectedDeliveryDate));
  return {
    shipments: [
      trackedShipment(text(body.trackingNumber) ?? asked ?? '', {
        events: oldestFirst(events, true),
        skipped,
        service: stripMarkup(text(body.mailClass)),
        origin: location({
          city: text(body.originCity),
          region: text(body.originState),
          postalCode: text(body.originZIP),
          country: 'US',
        }),
        destination: location({
          city: text(body.destinationCity),
          region: text(body.destinationState),
          postalCode: text(body.destinationZIP),
          country: 'US',
        }),
        edd: eddDate ? { date: eddDate, windowStart: null, windowEnd: null } : null,
        carrierStatus: text(body.status)
          ? { code: text(body.statusCategory) ?? '', text: text(body.status) ?? '' }
          : null,
      }),
    ],
    problems: [],
  };
}
