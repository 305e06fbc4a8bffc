import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, location, trackedShipment } from '../support/build.js';
import { normalizeCountry } from '../support/country.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { TELESHIP_CODES } from './codes.js';

// Teleship bodies: a tracking document {trackingNumber, status, events: [{timestamp (ISO 8601 UTC), code,
// description, location: "City, [Region, ]CC"}], estimatedDelivery, shipFrom/shipTo {address}, firstMile,
// lastMile}, a webhook {eventName: 'shipment.updated', data: <document>}, or an error
// {messages: [{code, message, details: [...]}]}. Events are oldest first.

const TABLES = [TELESHIP_CODES];

/** "Los Angeles, CA, US", "Heathrow Hub, GB", "International Transit": the last part is the country if it is one. */
function placeOf(value: string | null) {
  if (!value) return null;
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const last = parts.at(-1) ?? null;
  if (parts.length > 1 && last && normalizeCountry(last)) {
    const [city, region] = parts.slice(0, -1);
    return location({ city, region: parts.length > 2 ? region : null, country: last });
  }
  return location({ city: value });
}

const address = (a: Node) =>
  location({
    city: text(a?.city),
    region: text(a?.state),
    postalCode: text(a?.postcode),
    country: text(a?.country),
  });

function errorKind(code: number): ProblemKind {
  if (code === 404) return 'not_found';
  return kindForHttpStatus(code) ?? 'carrier_error';
}

function errorResult(messages: Node[], httpStatus: number | null | undefined): MapResult {
  return {
    shipments: [],
    problems: messages.map((m: Node) => {
      const details = asArray(m?.details).map(text).filter(Boolean) as string[];
      // The details name the number ("No shipment found with tracking number: TELESHIP…").
      const named = details.map((d) => /tracking number:?\s*([A-Z0-9-]{6,})/i.exec(d)?.[1]).find(Boolean);
      const code = Number(m?.code);
      const kind = Number.isFinite(code)
        ? errorKind(code)
        : (kindForHttpStatus(httpStatus) ?? 'carrier_error');
      return problem(kind, [text(m?.message), ...details].filter(Boolean).join('. ') || 'Teleship error', {
        code: text(m?.code),
        trackingNumber: named ?? null,
      });
    }),
  };
}

export function mapTeleship(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'Teleship body is not an object');
  }
  const messages = asArray(body.messages);
  if (messages.length > 0 && !body.trackingNumber) return errorResult(messages, input.httpStatus);
  const doc = text(body.eventName) && body.data && typeof body.data === 'object' ? body.data : body;
  const number = text(doc.trackingNumber);
  if (!number) return failed('malformed', 'Teleship body holds no trackingNumber');
  const { events, skipped } = collectEvents(
    asArray(doc.events).map((e: Node) => ({
      code: text(e?.code) ?? text(e?.status),
      text: text(e?.description),
      time: { value: text(e?.timestamp) },
      location: placeOf(text(e?.location)),
      tables: TABLES,
    })),
  );
  const eta = resolveDate(text(doc.estimatedDelivery));
  const status = text(doc.status);
  return {
    shipments: [
      trackedShipment(number, {
        events,
        skipped,
        edd: eta ? { date: eta, windowStart: null, windowEnd: null } : null,
        origin: address(doc.shipFrom?.address),
        destination: address(doc.shipTo?.address),
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: [],
  };
}
