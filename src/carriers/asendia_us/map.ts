import type { EventLocation } from '../../domain/shapes.js';
import type { MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { ASENDIA_US_MILESTONES, milestoneRule } from './codes.js';

// Asendia USA tracking (GET /api/A1/v1.0/Tracking/Milestone): { data: [{ trackingNumberVendor,
// customerReferenceNumber, trackingMilestoneEvents: [{ eventCode, eventDescription, eventLocation,
// eventOn }] }], responseStatus: { responseStatusCode, responseStatusMessage } }, one entry per parcel,
// milestones newest first. eventOn is ISO with an offset and up to six decimals of seconds. Errors:
// { responseStatusCode, responseStatusMessage } (401: bad credentials, 404: not found).

export function mapAsendiaUs(input: PayloadInput): MapResult {
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Asendia USA HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const status = body?.responseStatus ?? body;
  const code = num(status?.responseStatusCode);
  const data = Array.isArray(body?.data) ? body.data : [];
  if (data.length === 0 && code !== null && code !== 200) {
    const message = text(status.responseStatusMessage) ?? `Asendia USA status ${code}`;
    return failed(kindForHttpStatus(code) ?? 'carrier_error', message, {
      code: String(code),
      trackingNumber: asked,
    });
  }
  if (!Array.isArray(body?.data)) return failed('malformed', 'Asendia USA answer without data');
  // A successful answer that lists no parcel: Asendia knows nothing of the number.
  if (data.length === 0)
    return failed('not_found', 'Asendia USA has no parcel for this number', { trackingNumber: asked });

  const result: MapResult = { shipments: [], problems: [] };
  for (const parcel of data as Node[]) {
    const number = text(parcel?.trackingNumberVendor) ?? (data.length === 1 ? asked : null);
    if (!number) {
      result.problems.push(problem('malformed', 'Asendia USA parcel without trackingNumberVendor'));
      continue;
    }
    const specs: EventSpec[] = (
      Array.isArray(parcel.trackingMilestoneEvents) ? parcel.trackingMilestoneEvents : []
    ).map((e: Node) => {
      const eventCode = text(e?.eventCode);
      return {
        code: eventCode,
        text: text(e?.eventDescription),
        time: { value: text(e?.eventOn) },
        location: place(text(e?.eventLocation)),
        tables: [ASENDIA_US_MILESTONES],
        classRule: milestoneRule(eventCode),
      };
    });
    const { events, skipped } = collectEvents(specs);
    result.shipments.push(trackedShipment(number, { events: oldestFirst(events, true), skipped }));
  }
  return result;
}

/** "Folcroft, PA 19032" is a US town with state and ZIP; other texts are facility names. */
function place(raw: string | null): EventLocation | null {
  if (!raw) return null;
  const us = /^(.+?),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(raw);
  return us
    ? location({ city: us[1], region: us[2], postalCode: us[3], country: 'US' })
    : location({ city: raw });
}
