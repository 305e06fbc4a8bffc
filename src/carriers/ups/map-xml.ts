import type { MapResult, PayloadInput } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, at, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { activitySpec } from './events.js';

// The older UPS Tracking XML API (TrackResponse). Shipment → Package → Activity, newest first; Date
// (yyyyMMdd) and Time (HHmmss) are local to the activity's place, with no offset. Errors come as
// Response/Error with ErrorSeverity, ErrorCode and ErrorDescription (151018 and 151044: not found).

const NOT_FOUND_CODES = new Set(['151018', '151044', '154030']);
const RETRYABLE_CODES = new Set(['150030', '250000', '250001']);

const address = (n: Node) =>
  location({
    city: text(n?.City),
    region: text(n?.StateProvinceCode),
    postalCode: text(n?.PostalCode),
    country: text(n?.CountryCode),
  });

export function mapUpsXml(input: PayloadInput): MapResult {
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `UPS HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const root = parsed.value?.TrackResponse;
  if (!root) return failed('malformed', 'not a UPS TrackResponse');
  const error = at(root, 'Response', 'Error');
  if (text(at(root, 'Response', 'ResponseStatusCode')) !== '1' || error) {
    const code = text(error?.ErrorCode);
    const message = text(error?.ErrorDescription) ?? 'UPS tracking error';
    const kind =
      code && NOT_FOUND_CODES.has(code)
        ? 'not_found'
        : code && RETRYABLE_CODES.has(code)
          ? 'retryable'
          : 'carrier_error';
    return failed(kind, message, { code, trackingNumber: input.requested?.[0] ?? null });
  }

  const shipments = asArray(root.Shipment).flatMap((shipment: Node) => {
    const service = text(at(shipment, 'Service', 'Description'));
    const origin = address(at(shipment, 'Shipper', 'Address'));
    const destination = address(at(shipment, 'ShipTo', 'Address'));
    const scheduled = text(shipment.ScheduledDeliveryDate);
    return asArray(shipment.Package).map((pkg: Node) => {
      const number = text(pkg.TrackingNumber) ?? text(shipment.ShipmentIdentificationNumber) ?? '';
      const specs = asArray(pkg.Activity).flatMap((a: Node) => {
        const spec = activitySpec({
          type: text(at(a, 'Status', 'StatusType', 'Code')),
          code: text(at(a, 'Status', 'StatusCode', 'Code')),
          text: text(at(a, 'Status', 'StatusType', 'Description')),
          date: text(a.Date),
          time: text(a.Time),
          location: address(at(a, 'ActivityLocation', 'Address')),
        });
        return spec ? [spec] : [];
      }) as EventSpec[];
      const { events, skipped } = collectEvents(specs);
      const eddDate = resolveDate(text(pkg.RescheduledDeliveryDate) ?? scheduled, ['yyyyMMdd']);
      const signedBy = asArray(pkg.Activity)
        .map((a: Node) => text(at(a, 'ActivityLocation', 'SignedForByName')))
        .find((n: string | null) => n);
      const latest = asArray(pkg.Activity)[0];
      return trackedShipment(number, {
        events: oldestFirst(events, true),
        skipped,
        service,
        origin,
        destination,
        signedBy: signedBy ?? null,
        edd: eddDate ? { date: eddDate, windowStart: null, windowEnd: null } : null,
        carrierStatus: latest
          ? {
              code: text(at(latest, 'Status', 'StatusCode', 'Code')) ?? '',
              text: text(at(latest, 'Status', 'StatusType', 'Description')) ?? '',
            }
          : null,
      });
    });
  });
  return { shipments, problems: [] };
}
