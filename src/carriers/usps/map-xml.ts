import type { MapProblem, MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { USPS_EVENT_CODES } from './codes.js';

// USPS Web Tools TrackResponse (TrackFieldRequest). One TrackInfo per number (a batch has several, each
// with its events or its Error). TrackSummary is the latest event, TrackDetail the older ones, newest first.
// EventDate "January 6, 2016" and EventTime "10:45 pm" are local to the event's place, with no offset.
// Errors are <Error><Number>, inside a TrackInfo (that number) or as the whole body (the request).

const NOT_FOUND = new Set(['-2147219302', '-2147219301', '-2147219283']);
const FORMATS = ['MMMM d, yyyy h:mm a', 'MMMM d, yyyy h:mma', 'MMMM d, yyyy'];

/** Domestic events leave the country empty: with a state given, the place is in the United States. */
const place = (n: Node) =>
  location({
    city: text(n?.EventCity),
    region: text(n?.EventState),
    postalCode: text(n?.EventZIPCode),
    country: text(n?.EventCountry) ?? (text(n?.EventState) ? 'US' : null),
  });

export function mapUspsXml(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `USPS HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const doc = parsed.value;
  if (doc?.Error) {
    return failed('carrier_error', text(doc.Error.Description) ?? 'USPS error', {
      code: text(doc.Error.Number),
      trackingNumber: input.requested?.[0] ?? null,
    });
  }
  if (!doc?.TrackResponse) return failed('malformed', 'not a USPS TrackResponse');
  const shipments: TrackedShipment[] = [];
  const problems: MapProblem[] = [];
  for (const info of asArray(doc.TrackResponse.TrackInfo)) {
    const number = text(info?.['@_ID']) ?? '';
    if (info?.Error) {
      const code = text(info.Error.Number);
      problems.push(
        problem(
          code && NOT_FOUND.has(code) ? 'not_found' : 'carrier_error',
          text(info.Error.Description) ?? 'USPS error',
          {
            code,
            trackingNumber: number,
          },
        ),
      );
      continue;
    }
    const nodes = [...asArray(info?.TrackSummary), ...asArray(info?.TrackDetail)];
    const { events, skipped } = collectEvents(
      nodes.map((e: Node) => ({
        code: text(e?.EventCode),
        text: text(e?.Event),
        time: {
          value: [text(e?.EventDate), text(e?.EventTime)].filter(Boolean).join(' ') || null,
          formats: FORMATS,
        },
        location: place(e),
        tables: [USPS_EVENT_CODES],
      })),
    );
    shipments.push(
      trackedShipment(number, {
        events: oldestFirst(events, true),
        skipped,
        // Service names carry markup ("USPS Tracking<SUP>&#153;</SUP>"): the words are kept.
        service: text(info?.Class) ?? stripMarkup(text(info?.Service)),
        origin: location({
          city: text(info?.OriginCity),
          region: text(info?.OriginState),
          postalCode: text(info?.OriginZip),
          country: 'US',
        }),
        destination: location({
          city: text(info?.DestinationCity),
          region: text(info?.DestinationState),
          postalCode: text(info?.DestinationZip),
          country: 'US',
        }),
        carrierStatus: text(info?.Status)
          ? { code: text(info?.StatusCategory) ?? '', text: text(info?.Status) ?? '' }
          : null,
      }),
    );
  }
  return { shipments, problems };
}

export function stripMarkup(value: string | null): string | null {
  const words = value
    ?.replace(/<[^>]*>/g, '')
    .replace(/&#?\w+;/g, '')
    .trim();
  return words ? words : null;
}
