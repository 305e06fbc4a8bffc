import { lookupCode } from '../adapter.js';
import type { EddFacts, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, text } from '../support/parse.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { SEVENTEENTRACK_STATUS } from './codes.js';
import { underlyingCarrier } from './underlying.js';

// API v2/v2.2 `track_info`: events under tracking.providers[] (one provider per carrier leg), each with
// time_iso (carrier-local with offset), time_utc, and in v2.2 time_raw {date, time, timezone}; a stage and
// a sub_status in 17TRACK's vocabulary; an address.

const TABLES = [SEVENTEENTRACK_STATUS];
const RAW_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

const address = (a: Node, fallbackCity?: string | null) =>
  location({
    city: text(a?.city) ?? fallbackCity ?? null,
    region: text(a?.state),
    postalCode: text(a?.postal_code),
    country: text(a?.country),
  });

function timeOf(e: Node): EventSpec['time'] {
  const iso = text(e?.time_iso) ?? text(e?.time_utc);
  if (iso) return { value: iso };
  const raw = e?.time_raw;
  const joined = [text(raw?.date), text(raw?.time)].filter(Boolean).join(' ');
  return { value: joined || null, formats: RAW_FORMATS, zone: text(raw?.timezone) };
}

/** sub_status, then stage; NotFound is never an event's status; an unknown code takes its main status. */
function eventSpec(e: Node): EventSpec {
  const sub = text(e?.sub_status);
  const stage = text(e?.stage);
  const base: EventSpec = {
    code: sub ?? stage,
    text: text(e?.description) ?? text(e?.description_translation?.description),
    time: timeOf(e),
    location: address(e?.address, text(e?.location)),
    tables: TABLES,
  };
  const known = [sub, stage].map((c) => (c ? lookupCode(SEVENTEENTRACK_STATUS, c) : undefined)).find(Boolean);
  if (known && known.status !== 'pending') return { ...base, rule: known };
  const main = (sub ?? stage)?.split('_')[0];
  const cls = main ? lookupCode(SEVENTEENTRACK_STATUS, main) : undefined;
  return { ...base, lookup: [], classRule: cls && cls.status !== 'pending' ? cls : null };
}

const instant = (value: Node) => {
  const v = text(value);
  if (!v || v.length <= 10) return null;
  const t = resolveTime({ value: v });
  return t.ok ? t.time.occurredAt : null;
};

function edd(metrics: Node): EddFacts | null {
  const est = metrics?.estimated_delivery_date;
  const date = resolveDate(text(est?.to) ?? text(est?.from));
  return date ? { date, windowStart: instant(est?.from), windowEnd: instant(est?.to) } : null;
}

export function mapTrackInfo(entry: Node, number: string): TrackedShipment {
  const info = entry.track_info ?? {};
  const providers = asArray(info.tracking?.providers);
  let nodes = providers.flatMap((p: Node) => asArray(p?.events));
  if (nodes.length === 0 && info.latest_event) nodes = [info.latest_event];
  const { events, skipped } = collectEvents(nodes.map(eventSpec));
  const latest = info.latest_status;
  const code = text(latest?.sub_status) ?? text(latest?.status);
  return trackedShipment(number, {
    underlyingCarrier: underlyingCarrier(entry.carrier ?? providers[0]?.provider?.key),
    events,
    skipped,
    edd: edd(info.time_metrics),
    service: text(info.misc_info?.service_type) ?? text(providers[0]?.service_type),
    pieces: num(info.misc_info?.pieces),
    origin: address(info.shipping_info?.shipper_address),
    destination: address(info.shipping_info?.recipient_address),
    carrierStatus: code
      ? { code, text: text(latest?.sub_status_descr) ?? text(latest?.status) ?? code }
      : null,
  });
}
