import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { EASYSHIP_STATUS, statusKey } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// Easyship bodies: a shipment ({shipment: {trackings: [{tracking_number, tracking_state, leg_number…}],
// updated_at…}}), tracking lists ({trackings: [...]}, {tracking: {...}}) with checkpoints, webhooks
// ({event_type, data | tracking_status: {tracking_number, status, checkpoints}}), and errors
// ({error: {code, message, type, details}}). A shipment object lists no checkpoints: each leg's state is
// its status node, dated by the shipment's updated_at (the time Easyship last changed it).

const TABLES = [EASYSHIP_STATUS];

const place = (n: Node) =>
  location({
    city: text(n?.city),
    region: text(n?.state),
    postalCode: text(n?.postal_code),
    country:
      text(n?.country_alpha2) ?? text(n?.country_iso3) ?? text(n?.country_alpha3) ?? text(n?.country_name),
  });

const spec = (code: string | null, words: string | null, when: string | null, where: Node): EventSpec => ({
  code,
  text: words,
  time: { value: when },
  location: where ? place(where) : null,
  tables: TABLES,
  lookup: [statusKey(code)],
});

function checkpointSpec(c: Node): EventSpec {
  const status = text(c?.primary_status) ?? text(c?.status);
  return spec(status, text(c?.message) ?? text(c?.description), text(c?.checkpoint_time), c);
}

/** One courier leg: its checkpoints, else its state as of the shipment's last update. */
function mapLeg(leg: Node, shipment: Node, number: string) {
  const state = text(leg.tracking_state) ?? text(leg.current_status) ?? text(leg.status);
  const checkpoints = asArray(leg.checkpoints);
  const specs =
    checkpoints.length > 0
      ? checkpoints.map(checkpointSpec)
      : state && text(shipment?.updated_at)
        ? [spec(state, null, text(shipment.updated_at), null)]
        : [];
  const { events, skipped } = collectEvents(specs);
  const parcels = asArray(shipment?.parcels).length;
  return trackedShipment(number, {
    underlyingCarrier: underlyingCarrier(
      text(leg.courier_umbrella_name),
      text(shipment?.courier?.umbrella_name),
      text(shipment?.courier?.name),
      text(leg.handler),
    ),
    events,
    skipped,
    service: text(shipment?.courier?.name) ?? text(leg.courier_name),
    origin: shipment?.origin_address ? place(shipment.origin_address) : null,
    destination: shipment?.destination_address ? place(shipment.destination_address) : null,
    pieces: parcels > 0 ? parcels : null,
    carrierStatus: state ? { code: state, text: state } : null,
  });
}

function mapLegs(legs: Node[], shipment: Node): MapResult {
  const result: MapResult = { shipments: [], problems: [] };
  for (const leg of legs) {
    const number = text(leg?.tracking_number);
    if (number) result.shipments.push(mapLeg(leg, shipment, number));
    else result.problems.push(problem('malformed', 'Easyship tracking without tracking_number'));
  }
  return result;
}

function errorKind(code: string, type: string | null, httpStatus: number | null | undefined): ProblemKind {
  const c = `${code} ${type ?? ''}`.toLowerCase();
  if (/not_?found/.test(c)) return 'not_found';
  if (/rate_?limit|too_many|internal|unavailable|timeout|api_error/.test(c)) return 'retryable';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

export function mapEasyship(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', 'Easyship body is not an object');
  }
  if (body.error && typeof body.error === 'object') {
    const code = text(body.error.code) ?? 'error';
    const type = text(body.error.type);
    const message = [text(body.error.message), ...asArray(body.error.details).map(text)]
      .filter(Boolean)
      .join(' ');
    return failed(errorKind(code, type, input.httpStatus), message || code, { code });
  }
  if (body.shipment && typeof body.shipment === 'object') {
    const legs = asArray(body.shipment.trackings);
    if (legs.length > 0) return mapLegs(legs, body.shipment);
    return failed('not_found', 'Easyship shipment has no tracking number yet', {
      code: text(body.shipment.label_state) ?? 'no_trackings',
    });
  }
  const webhook = body.data ?? body.tracking_status;
  if (text(body.event_type) && webhook && typeof webhook === 'object') return mapLegs([webhook], null);
  if (Array.isArray(body.trackings)) return mapLegs(body.trackings, null);
  if (body.tracking && typeof body.tracking === 'object') return mapLegs([body.tracking], null);
  return failed('malformed', 'Easyship body holds no shipment or tracking');
}
