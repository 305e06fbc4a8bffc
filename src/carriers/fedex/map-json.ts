import type { EddFacts, MapProblem, MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { apiProblemKind } from './errors.js';
import { type FedexScan, newestShipmentFirst, scanSpec } from './events.js';

// FedEx Track API (JSON): output.completeTrackResults[] (one per number asked), each with trackResults[]
// (one per shipment FedEx holds under that number: FedEx reuses numbers). Per-number failures come inside a
// 200 as trackResults[].error; request failures as a top-level errors[]. Scan times are ISO 8601, with an
// offset except now and then (a date-only pick-up at midnight), which then takes the scan location's zone.

const place = (a: Node) =>
  location({
    city: text(a?.city),
    region: text(a?.stateOrProvinceCode),
    postalCode: text(a?.postalCode),
    country: text(a?.countryCode),
  });

const dateOf = (r: Node, type: string): string | null =>
  text(asArray(r?.dateAndTimes).find((d: Node) => text(d?.type) === type)?.dateTime);

export function mapFedexJson(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `FedEx HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const body = parsed.value;
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;

  const errors = asArray(body?.errors);
  if (errors.length > 0) {
    return {
      shipments: [],
      problems: errors.map((e: Node) => errorProblem(e, asked, input.httpStatus)),
    };
  }
  const output = body?.output;
  if (!Array.isArray(output?.completeTrackResults)) {
    if (output?.documents || output?.documentType) {
      return failed(
        'malformed',
        `FedEx ${text(output.documentType) ?? 'document'} answer, not a tracking answer`,
      );
    }
    const kind = kindForHttpStatus(input.httpStatus);
    return failed(kind ?? 'malformed', 'FedEx answer without completeTrackResults');
  }

  const problems: MapProblem[] = [];
  const found: { shipment: TrackedShipment; shippedAt: string | null }[] = [];
  for (const complete of output.completeTrackResults as Node[]) {
    const askedHere = text(complete?.trackingNumber);
    for (const r of asArray(complete?.trackResults)) {
      const number = text(r?.trackingNumberInfo?.trackingNumber) ?? askedHere;
      if (r?.error) problems.push(errorProblem(r.error, askedHere ?? number, input.httpStatus));
      // A result that carries an error and no tracking of its own is only the error.
      if (r?.error && asArray(r?.scanEvents).length === 0 && !r?.latestStatusDetail?.code) continue;
      if (!number) {
        problems.push(problem('malformed', 'FedEx track result without a tracking number'));
        continue;
      }
      found.push(trackResult(number, r));
    }
  }
  return { shipments: newestShipmentFirst(found), problems };
}

function errorProblem(e: Node, number: string | null, httpStatus: number | null | undefined): MapProblem {
  const code = text(e?.code);
  const message = text(e?.message) ?? code ?? 'FedEx error';
  const kind = apiProblemKind(code, message) ?? kindForHttpStatus(httpStatus) ?? 'carrier_error';
  return problem(kind, message, { code, trackingNumber: number });
}

function trackResult(number: string, r: Node): { shipment: TrackedShipment; shippedAt: string | null } {
  // Where the parcel comes from: the shipper's town, else the FedEx location it entered the network at.
  const origin =
    place(r?.shipperInformation?.address) ?? place(r?.originLocation?.locationContactAndAddress?.address);
  // The latest destination first: FedEx updates it when the parcel is redirected.
  const destination =
    place(r?.lastUpdatedDestinationAddress) ??
    place(r?.destinationLocation?.locationContactAndAddress?.address) ??
    place(r?.recipientInformation?.address);
  const scans: FedexScan[] = asArray(r?.scanEvents).map((e: Node) => ({
    type: text(e?.eventType),
    derived: text(e?.derivedStatusCode),
    exceptionCode: text(e?.exceptionCode),
    description: text(e?.eventDescription) ?? text(e?.derivedStatus),
    exceptionDescription: text(e?.exceptionDescription),
    time: text(e?.date),
    location: place(e?.scanLocation),
  }));
  const latest = r?.latestStatusDetail;
  const latestCode = text(latest?.code);
  // Delivered (or picked up) without a scan list: one event from the status, timed by FedEx's own date.
  if (scans.length === 0 && latestCode) {
    const time =
      latestCode === 'DL'
        ? dateOf(r, 'ACTUAL_DELIVERY')
        : latestCode === 'PU'
          ? dateOf(r, 'ACTUAL_PICKUP')
          : null;
    if (time) {
      scans.push({
        type: latestCode,
        derived: text(latest?.derivedCode),
        exceptionCode: null,
        description: text(latest?.description) ?? text(latest?.statusByLocale),
        exceptionDescription: null,
        time,
        location: place(latest?.scanLocation),
      });
    }
  }
  const { events, skipped } = collectEvents(scans.map(scanSpec));
  const ship = resolveTime({ value: dateOf(r, 'SHIP') ?? dateOf(r, 'ACTUAL_PICKUP'), location: origin });
  const shipment = trackedShipment(number, {
    events: oldestFirst(events, true),
    skipped,
    edd: edd(r, destination),
    service: text(r?.serviceDetail?.description) ?? text(r?.serviceDetail?.type),
    signedBy: text(r?.deliveryDetails?.receivedByName) ?? text(r?.deliveryDetails?.signedByName),
    origin,
    destination,
    pieces: num(r?.packageDetails?.count),
    carrierStatus: latestCode
      ? { code: latestCode, text: text(latest?.description) ?? text(latest?.statusByLocale) ?? '' }
      : null,
  });
  return { shipment, shippedAt: ship.ok ? ship.time.occurredAt : null };
}

/**
 * The estimate: an explicit estimated-delivery date, else the estimated delivery window (a real window of
 * instants), else the standard transit window, whose values are date markers (midnight) giving a date only.
 */
function edd(r: Node, destination: ReturnType<typeof place>): EddFacts | null {
  const window = r?.estimatedDeliveryTimeWindow?.window;
  const begins = resolveTime({ value: text(window?.begins), location: destination });
  const ends = resolveTime({ value: text(window?.ends), location: destination });
  const standard = r?.standardTransitTimeWindow?.window;
  const date =
    resolveDate(localDate(dateOf(r, 'ESTIMATED_DELIVERY'))) ??
    resolveDate(localDate(text(window?.begins))) ??
    resolveDate(localDate(text(window?.ends))) ??
    resolveDate(localDate(text(standard?.ends))) ??
    resolveDate(localDate(text(standard?.begins)));
  if (!date && !begins.ok && !ends.ok) return null;
  return {
    date,
    windowStart: begins.ok ? begins.time.occurredAt : null,
    windowEnd: ends.ok ? ends.time.occurredAt : null,
  };
}

/** The calendar date as FedEx wrote it (its local date), not the UTC date of the instant. */
const localDate = (value: string | null) => (value ? value.slice(0, 10) : null);
