import type { MapResult, PayloadInput } from '../model.js';
import { collectEvents, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { SANDBOX_CODES } from './codes.js';

const ERROR_KINDS = {
  not_found: 'not_found',
  unauthorized: 'carrier_error',
  rate_limited: 'retryable',
  unavailable: 'retryable',
} as const;

const place = (n: Node) =>
  location({ city: n?.city, region: n?.region, postalCode: n?.postalCode, country: n?.countryCode });

export function mapSandbox(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (Array.isArray(body?.results)) {
    const parts: MapResult[] = body.results.map((r: Node) => mapDocument(r, input.httpStatus, null));
    return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
  }
  const doc = body?.type === 'tracking.updated' ? body.data : body;
  return mapDocument(doc, input.httpStatus, input.requested?.[0] ?? null);
}

function mapDocument(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (doc?.error) {
    const code = text(doc.error.code) ?? 'error';
    const kind =
      ERROR_KINDS[code as keyof typeof ERROR_KINDS] ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
    return failed(kind, text(doc.error.message) ?? code, {
      code,
      trackingNumber: text(doc.trackingNumber) ?? asked,
    });
  }
  const number = text(doc?.trackingNumber);
  if (!number) return failed('malformed', 'sandbox document without trackingNumber');
  const { events, skipped } = collectEvents(
    asArray(doc.events).map((e: Node) => ({
      code: text(e?.code),
      text: text(e?.description),
      time: { value: text(e?.occurredAt) },
      location: place(e?.location),
      tables: [SANDBOX_CODES],
    })),
  );
  const window = doc.estimatedWindow;
  const windowStart = resolveTime({ value: text(window?.start) });
  const windowEnd = resolveTime({ value: text(window?.end) });
  const eddDate = resolveDate(text(doc.estimatedDelivery));
  return {
    shipments: [
      trackedShipment(number, {
        events,
        skipped,
        service: text(doc.service),
        signedBy: text(doc.signedBy),
        pieces: typeof doc.pieces === 'number' ? doc.pieces : null,
        origin: place(doc.origin),
        destination: place(doc.destination),
        edd:
          eddDate || windowStart.ok || windowEnd.ok
            ? {
                date: eddDate,
                windowStart: windowStart.ok ? windowStart.time.occurredAt : null,
                windowEnd: windowEnd.ok ? windowEnd.time.occurredAt : null,
              }
            : null,
      }),
    ],
    problems: [],
  };
}
