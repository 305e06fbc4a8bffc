import type { EventLocation } from '../../domain/shapes.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { DPD_STATUSES } from './codes.js';

// DPD ParcelLifeCycle SOAP (getTrackingDataResponse/trackingresult): shipmentInfo (service) and statusInfo
// entries oldest first. Each entry has a status code, a label (the stage), a description, a location
// "Mechelen (BE)" and a date in US style with a 12-hour clock and seconds ('8/17/2021 7:11:26 PM'), local
// to the location and without zone. Entries DPD has not reached yet (statusHasBeenReached false) are the
// steps still to come, not events. The answer does not repeat the parcel number. Errors are SOAP faults
// whose detail holds { errorCode, errorMessage } (DELICOM_ERR_AUTHENTICATION, …).

const FORMATS = ['M/d/yyyy h:mm:ss a', 'M/d/yyyy h:mm a', 'dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm'];
const TABLES = [DPD_STATUSES];

export function mapDpd(input: PayloadInput): MapResult {
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parsed = parseXml(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `DPD HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value?.Envelope?.Body;
  if (body?.Fault) return fault(body.Fault, input, asked);
  const result = body?.getTrackingDataResponse?.trackingresult;
  if (!result || typeof result !== 'object') return failed('malformed', 'DPD answer without trackingresult');

  const infos = asArray(result.statusInfo).filter((s: Node) => text(s?.statusHasBeenReached) !== 'false');
  const specs: EventSpec[] = infos.map((s: Node) => {
    const place = where(content(s.location));
    return {
      code: text(s.status),
      text: content(s.description) ?? content(s.label),
      time: { value: content(s.date), formats: FORMATS },
      location: place,
      tables: TABLES,
    };
  });
  const { events, skipped } = collectEvents(specs);
  const current = infos.find((s: Node) => text(s?.isCurrentStatus) === 'true');
  const number = text(result.shipmentInfo?.parcelLabelNumber) ?? asked ?? '';
  return {
    shipments: [
      trackedShipment(number, {
        events: oldestFirst(events),
        skipped,
        service: content(result.shipmentInfo?.serviceDescription?.content),
        carrierStatus: current
          ? { code: text(current.status) ?? '', text: content(current.label) ?? text(current.status) ?? '' }
          : null,
      }),
    ],
    problems: [],
  };
}

/** DPD wraps texts as { content, bold, paragraph }, nested and sometimes repeated; their texts joined. */
function content(node: Node): string | null {
  if (node === undefined || node === null) return null;
  if (Array.isArray(node)) {
    const parts = node.map(content).filter((t): t is string => t !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (typeof node === 'object' && 'content' in node) return content(node.content);
  return text(node);
}

/** "Mechelen (BE)": the town and the country's ISO code. */
function where(raw: string | null): EventLocation | null {
  if (!raw) return null;
  const m = /^(.*?)\s*\(([A-Za-z]{2,3})\)$/.exec(raw);
  return m ? location({ city: m[1], country: m[2] }) : location({ city: raw });
}

function fault(f: Node, input: PayloadInput, asked: string | null): MapResult {
  // The detail element is named after the fault type (authenticationFault, faults, …).
  const detail = f.detail && typeof f.detail === 'object' ? Object.values(f.detail)[0] : null;
  const inner = Array.isArray(detail) ? detail[0] : detail;
  const code = text((inner as Node)?.errorCode) ?? text(f.faultcode);
  const message = text((inner as Node)?.errorMessage) ?? text(f.faultstring) ?? 'DPD fault';
  // SOAP faults come with HTTP 500 whatever the cause: the fault's code and words decide, not the status.
  let kind: ProblemKind = 'carrier_error';
  if (/AUTHENTICATION|PERMISSION|LOGIN/i.test(code ?? '')) kind = 'carrier_error';
  else if (/NOT_FOUND/i.test(code ?? '') || /not found|unknown parcel|no data/i.test(message))
    kind = 'not_found';
  else if (
    [429, 502, 503, 504].includes(input.httpStatus ?? 0) ||
    /timeout|unavailable|try again|temporar/i.test(message)
  )
    kind = 'retryable';
  return failed(kind, message, { code, trackingNumber: asked });
}

/** DPD lists entries oldest first; sorted by instant to be sure, ties kept in DPD's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
