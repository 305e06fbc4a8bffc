import type { MapResult, PayloadInput } from '../model.js';
import { collectEvents, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { STAMPS_EVENT_TYPES } from './codes.js';

// Stamps.com SWS/IM TrackShipment (SOAP): TrackingEvents/TrackingEvent newest first, Timestamp local to the
// event's place without offset. The answer names no tracking number (the request did), and the parcel
// moves with USPS. A SOAP Fault is Stamps.com refusing the request.

export function mapStamps(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Stamps.com HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = at(parsed.value, 'Envelope', 'Body');
  const asked = input.requested?.[0] ?? null;
  if (body?.Fault) {
    return failed(
      kindForHttpStatus(input.httpStatus) ?? 'carrier_error',
      text(body.Fault.faultstring) ?? 'Stamps.com fault',
      {
        code: text(body.Fault.faultcode),
        trackingNumber: asked,
      },
    );
  }
  const response = body?.TrackShipmentResponse;
  if (!response) return failed('malformed', 'not a Stamps.com TrackShipmentResponse');
  const { events, skipped } = collectEvents(
    asArray(response.TrackingEvents?.TrackingEvent).map((e: Node) => ({
      code: text(e?.TrackingEventType),
      text: text(e?.Event),
      time: { value: text(e?.Timestamp) },
      location: location({
        city: text(e?.City),
        region: text(e?.State),
        postalCode: text(e?.Zip),
        country: text(e?.Country),
      }),
      tables: [STAMPS_EVENT_TYPES],
    })),
  );
  const signedBy = asArray(response.TrackingEvents?.TrackingEvent)
    .map((e: Node) => text(e?.SignedBy))
    .find((n: string | null) => n);
  return {
    shipments: [
      trackedShipment(asked ?? '', {
        underlyingCarrier: 'usps',
        events: oldestFirst(events, true),
        skipped,
        signedBy: signedBy ?? null,
      }),
    ],
    problems: [],
  };
}
