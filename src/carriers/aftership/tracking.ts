import { lookupCode } from '../adapter.js';
import type { EddFacts, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, text } from '../support/parse.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { AFTERSHIP_SUBTAG, AFTERSHIP_TAG } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// One AfterShip Tracking object → one shipment. checkpoint_time is "the local time of the checkpoint,
// with its offset when the carrier gives one" (AfterShip docs): a naive value is placed in the checkpoint's
// zone when its location names one, else marked assumed UTC. The same checkpoints come back naive in some
// responses and with offsets in others (UpdateTrackingResult vs GetTrackingsResult); the naive ones there
// name no country, so they stay assumed UTC, which is what the offset versions show them to be.

const TABLES = [AFTERSHIP_SUBTAG, AFTERSHIP_TAG];

// checkpoint_time may be a bare date: midnight where it happened. Written out with its time, because
// support/time.ts takes the "-05" ending "2024-02-05" for a UTC offset (its EXPLICIT_OFFSET test does not
// require a time).
const timeOf = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00` : v);

// Carriers put these in signed_by when nobody signed.
const NOT_A_SIGNER = /signature (service )?not (required|requested)|^not required$|^n\/?a$|^none$|^-+$/i;

const place = (n: Node, prefix = '') =>
  location({
    city: text(n?.[`${prefix}city`]),
    region: text(n?.[`${prefix}state`]),
    postalCode: text(n?.[prefix ? `${prefix}postal_code` : 'zip']),
    country:
      text(n?.[`${prefix}country_iso3`]) ??
      text(n?.[`${prefix}country_region`]) ??
      text(n?.[`${prefix}country_name`]),
  });

/** Sub-status first; an unknown sub-status takes its tag's status as class; a bare tag is looked up itself. */
function statusOf(tag: string | null, subtag: string | null): Pick<EventSpec, 'lookup' | 'classRule'> {
  if (!subtag) return { lookup: [tag] };
  return { lookup: [subtag], classRule: tag ? (lookupCode(AFTERSHIP_TAG, tag) ?? null) : null };
}

function checkpointSpec(c: Node): EventSpec {
  const tag = text(c?.tag);
  const subtag = text(c?.subtag);
  return {
    code: text(c?.raw_tag) ?? subtag ?? tag,
    text: text(c?.message) ?? text(c?.subtag_message),
    time: { value: timeOf(text(c?.checkpoint_time)) },
    location: place(c),
    tables: TABLES,
    ...statusOf(tag, subtag),
  };
}

const instant = (value: Node) => {
  const v = text(value);
  if (!v || v.length <= 10) return null; // a bare date is not an instant
  const t = resolveTime({ value: v });
  return t.ok ? t.time.occurredAt : null;
};

/** The carrier's (or AfterShip's) estimate; merchant-set promises (order_promised_…, custom_…) are not EDDs. */
function edd(t: Node): EddFacts | null {
  const latest = t.latest_estimated_delivery;
  const courier = t.courier_estimated_delivery_date;
  const aftership = t.aftership_estimated_delivery_date;
  const first = t.first_estimated_delivery;
  const candidates = [
    [latest?.datetime, latest?.datetime_min, latest?.datetime_max],
    [
      courier?.estimated_delivery_date,
      courier?.estimated_delivery_date_min,
      courier?.estimated_delivery_date_max,
    ],
    [t.expected_delivery, null, null],
    [
      aftership?.estimated_delivery_date,
      aftership?.estimated_delivery_date_min,
      aftership?.estimated_delivery_date_max,
    ],
    [first?.datetime, first?.datetime_min, first?.datetime_max],
  ];
  for (const [value, min, max] of candidates) {
    const date = resolveDate(text(value) ?? text(max) ?? text(min));
    if (date) return { date, windowStart: instant(min), windowEnd: instant(max) };
  }
  return null;
}

/** A delivered tracking without checkpoints still says when: its shipment_delivery_date. */
function statusNodeSpec(t: Node, tag: string | null, subtag: string | null): EventSpec[] {
  const when = text(t.shipment_delivery_date);
  if (tag !== 'Delivered' || !when) return [];
  return [
    {
      code: subtag ?? tag,
      text: text(t.subtag_message) ?? tag,
      time: { value: timeOf(when) },
      location: place(t, 'destination_'),
      tables: TABLES,
      ...statusOf(tag, subtag),
    },
  ];
}

export function mapTracking(t: Node, number: string): TrackedShipment {
  const tag = text(t.tag);
  const subtag = text(t.subtag);
  const checkpoints = asArray(t.checkpoints);
  const specs = checkpoints.length > 0 ? checkpoints.map(checkpointSpec) : statusNodeSpec(t, tag, subtag);
  const { events, skipped } = collectEvents(specs);
  const signer = text(t.signed_by);
  const pieces = num(t.shipment_package_count);
  return trackedShipment(number, {
    underlyingCarrier: underlyingCarrier(text(t.slug)),
    events,
    skipped,
    edd: edd(t),
    service: text(t.shipment_type),
    signedBy: signer && !NOT_A_SIGNER.test(signer) ? signer : null,
    origin: place(t, 'origin_'),
    destination: place(t, 'destination_'),
    pieces: pieces && pieces > 0 ? pieces : null,
    carrierStatus: tag ? { code: subtag ?? tag, text: text(t.subtag_message) ?? tag } : null,
  });
}
