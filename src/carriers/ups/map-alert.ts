import { DateTime } from 'luxon';
import type { MapResult } from '../model.js';
import { collectEvents, location, trackedShipment } from '../support/build.js';
import { type Node, text } from '../support/parse.js';
import { failed } from '../support/problems.js';
import { resolveDate, resolveTime } from '../support/time.js';
import { activitySpec } from './events.js';

// A UPS Track Alert push (UPSTrackAlert.yaml, TrackingEvent): one flat activity of one package, no history:
// trackingNumber, localActivityDate/Time (yyyyMMdd, HHmmss) and the same instant in GMT, activityLocation,
// activityStatus {type, code, description}, scheduledDeliveryDate, actualDeliveryDate/Time and the delivery
// window (deliveryStartTime/EndTime). The local time's offset is the difference between the two clocks.

const place = (n: Node) =>
  location({
    city: text(n?.city),
    region: text(n?.stateProvince),
    postalCode: text(n?.postalCode),
    country: text(n?.country),
  });

export const isTrackAlert = (body: Node) =>
  !!body && typeof body === 'object' && typeof body.trackingNumber === 'string' && !!body.activityStatus;

/** "+HH:MM" from the local and GMT readings of one instant, rounded to the quarter hour offsets come in. */
function offsetBetween(
  localDate: string | null,
  localTime: string | null,
  gmtDate: string | null,
  gmtTime: string | null,
) {
  const read = (d: string | null, t: string | null) =>
    d && t ? DateTime.fromFormat(`${d} ${t}`, 'yyyyMMdd HHmmss', { zone: 'utc' }) : null;
  const local = read(localDate, localTime);
  const gmt = read(gmtDate, gmtTime);
  if (!local?.isValid || !gmt?.isValid) return null;
  const minutes = Math.round(local.diff(gmt, 'minutes').minutes / 15) * 15;
  if (Math.abs(minutes) > 14 * 60) return null;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function mapTrackAlert(body: Node): MapResult {
  const number = text(body.trackingNumber)?.trim();
  if (!number) return failed('malformed', 'UPS Track Alert push without trackingNumber');
  const date = text(body.localActivityDate);
  const time = text(body.localActivityTime);
  const where = place(body.activityLocation);
  const spec = activitySpec({
    type: text(body.activityStatus?.type),
    code: text(body.activityStatus?.code),
    text: text(body.activityStatus?.description),
    date,
    time,
    zone: offsetBetween(date, time, text(body.gmtActivityDate), text(body.gmtActivityTime)),
    location: where,
  });
  const { events, skipped } = collectEvents(spec ? [spec] : []);
  if (!spec)
    skipped.push({ code: text(body.activityStatus?.code) ?? '', text: '', reason: 'no activity time' });
  const eddDate = resolveDate(text(body.scheduledDeliveryDate), ['yyyyMMdd']);
  const windowAt = (t: string | null) =>
    eddDate && t && /^\d{6}$/.test(t)
      ? resolveTime({
          value: `${eddDate.replaceAll('-', '')} ${t}`,
          formats: ['yyyyMMdd HHmmss'],
          location: where,
        })
      : null;
  const start = windowAt(text(body.deliveryStartTime));
  const end = windowAt(text(body.deliveryEndTime));
  return {
    shipments: [
      trackedShipment(number, {
        events,
        skipped,
        edd: eddDate
          ? {
              date: eddDate,
              windowStart: start?.ok ? start.time.occurredAt : null,
              windowEnd: end?.ok ? end.time.occurredAt : null,
            }
          : null,
        carrierStatus: {
          code: text(body.activityStatus?.code) ?? '',
          text: text(body.activityStatus?.description) ?? '',
        },
      }),
    ],
    problems: [],
  };
}
