import type { MapProblem, MapResult, PayloadInput, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { activitySpec } from './events.js';
import { isTrackAlert, mapTrackAlert } from './map-alert.js';

// The UPS Track API (JSON, OAuth): trackResponse.shipment[].package[].activity[], newest first, with local
// date/time and, in newer answers, gmtDate/gmtTime/gmtOffset. A number UPS does not know comes back as a
// shipment with warning TW0001; request errors as response.errors[] (250003 bad credentials, TV1002 bad
// number). Track Alert pushes are flat single activities (map-alert.ts).

const NOT_FOUND_WARNINGS = new Set(['TW0001', 'TW0002']);
const NOT_FOUND_ERRORS = new Set(['TV1002', '151018', '151044']);
const RETRYABLE_ERRORS = new Set(['250000', '250001', '190001', '190100']);

const place = (n: Node) =>
  location({
    city: text(n?.city),
    region: text(n?.stateProvince),
    postalCode: text(n?.postalCode),
    country: text(n?.countryCode) ?? text(n?.country),
  });

/** An offset such as "-05:00" beside local times makes them exact; without it the place's zone is used. */
const offsetOf = (a: Node) => text(a?.gmtOffset);

export function mapUpsJson(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `UPS HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  if (isTrackAlert(body)) return mapTrackAlert(body);
  const errors = asArray(body?.response?.errors);
  if (errors.length > 0) {
    return {
      shipments: [],
      problems: errors.map((e: Node) => {
        const code = text(e?.code);
        const kind =
          code && NOT_FOUND_ERRORS.has(code)
            ? 'not_found'
            : code && RETRYABLE_ERRORS.has(code)
              ? 'retryable'
              : 'carrier_error';
        return problem(kind, text(e?.message) ?? 'UPS error', {
          code,
          trackingNumber: input.requested?.[0] ?? null,
        });
      }),
    };
  }
  const list = body?.trackResponse?.shipment;
  if (!Array.isArray(list)) return failed('malformed', 'not a UPS trackResponse');

  const shipments: TrackedShipment[] = [];
  const problems: MapProblem[] = [];
  for (const shipment of list) {
    const packages = asArray(shipment?.package);
    const warning = asArray(shipment?.warnings).find((w: Node) =>
      NOT_FOUND_WARNINGS.has(text(w?.code) ?? ''),
    );
    if (packages.length === 0) {
      const number = text(shipment?.inquiryNumber) ?? input.requested?.[0] ?? null;
      problems.push(
        problem(
          warning ? 'not_found' : 'carrier_error',
          text(warning?.message) ?? 'UPS answered without packages',
          {
            code: text(warning?.code),
            trackingNumber: number,
          },
        ),
      );
      continue;
    }
    for (const pkg of packages) shipments.push(mapPackage(pkg, text(shipment?.inquiryNumber)));
  }
  return { shipments, problems };
}

function mapPackage(pkg: Node, inquiryNumber: string | null): TrackedShipment {
  const specs = asArray(pkg.activity).flatMap((a: Node) => {
    const offset = offsetOf(a);
    const useGmt = offset && text(a?.gmtDate) && text(a?.gmtTime);
    const spec = activitySpec({
      type: text(a?.status?.type),
      code: text(a?.status?.code),
      text: text(a?.status?.description),
      date: text(a?.date),
      time: text(a?.time),
      zone: useGmt ? offset : null,
      location: place(a?.location?.address),
    });
    return spec ? [spec] : [];
  }) as EventSpec[];
  const { events, skipped } = collectEvents(specs);
  const addresses = asArray(pkg.packageAddress);
  const byType = (t: string) => addresses.find((a: Node) => text(a?.type)?.toUpperCase() === t)?.address;
  const deliveryDates = asArray(pkg.deliveryDate);
  const estimate =
    deliveryDates.find((d: Node) => text(d?.type) === 'RDD') ??
    deliveryDates.find((d: Node) => text(d?.type) === 'SDD');
  const eddDate = resolveDate(text(estimate?.date), ['yyyyMMdd']);
  const window = pkg.deliveryTime;
  const windowAt = (t: string | null) =>
    eddDate && t && /^\d{6}$/.test(t)
      ? resolveTime({
          value: `${eddDate.replaceAll('-', '')} ${t}`,
          formats: ['yyyyMMdd HHmmss'],
          location: place(byType('DESTINATION') ?? addresses[0]?.address),
        })
      : null;
  const start = windowAt(text(window?.startTime));
  const end = windowAt(text(window?.endTime));
  const receivedBy = text(pkg.deliveryInformation?.receivedBy);
  return trackedShipment(text(pkg.trackingNumber) ?? inquiryNumber ?? '', {
    events: oldestFirst(events, true),
    skipped,
    service: text(pkg.service?.description),
    // UPS samples put a time ("163000") where the signer's name goes; only words are a name.
    signedBy: receivedBy && /[A-Za-z]/.test(receivedBy) ? receivedBy : null,
    pieces: typeof pkg.packageCount === 'number' && pkg.packageCount > 0 ? pkg.packageCount : null,
    origin: place(byType('ORIGIN')),
    destination: place(byType('DESTINATION') ?? byType('01')),
    edd:
      eddDate && (start === null || start.ok || end === null || end.ok)
        ? {
            date: eddDate,
            windowStart: start?.ok && text(window?.type) !== 'DEL' ? start.time.occurredAt : null,
            windowEnd: end?.ok && text(window?.type) !== 'DEL' ? end.time.occurredAt : null,
          }
        : null,
    carrierStatus: pkg.currentStatus
      ? { code: text(pkg.currentStatus.code) ?? '', text: text(pkg.currentStatus.description) ?? '' }
      : null,
  });
}
