import type { CodeRule } from '../adapter.js';
import type { CanonicalEvent, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { asArray, looksLikeXml, type Node, parseJson, parseXml, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { ALLIED_SCAN_STATUSES } from './codes.js';

// Allied Express TTWS getShipmentsStatus (SOAP; also seen as the same tree in JSON with its prefixes,
// "soapenv:Body" / "ns1:getShipmentsStatusResponse"): result.statusBarcodesList holds one entry per scan
// ({ consignmentNote, scannedBarcode, scannedStatus?, depotLocation, scannnedTimestamp } — Allied spells
// it with three n), or result.statusError. A scan has no status code, only an optional status text: the
// scanned barcode (the consignment note plus the item, "123456789-001") is kept as the raw code, and a
// scan without text means the item was scanned in Allied's network. Times are ISO with the depot's offset.

const KEYS = Object.keys(ALLIED_SCAN_STATUSES.rules).sort((a, b) => b.length - a.length);
const SCANNED: CodeRule = { status: 'in_transit', substatus: 'in_transit' };

export function mapAlliedExpress(input: PayloadInput): MapResult {
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const xml = looksLikeXml(input.body);
  const parsed = xml ? parseXml(input.body) : parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Allied Express HTTP ${input.httpStatus}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const envelope = xml ? parsed.value?.Envelope : parsed.value;
  const response = child(child(envelope, 'Body'), 'getShipmentsStatusResponse');
  const fault = child(child(envelope, 'Body'), 'Fault');
  if (fault)
    return failed('carrier_error', text(child(fault, 'faultstring')) ?? 'Allied Express fault', {
      trackingNumber: asked,
    });
  const result = child(response, 'result');
  if (!result || typeof result !== 'object')
    return failed('malformed', 'Allied Express answer without result');
  const error = text(result.statusError);
  if (error) return failed(errorKind(error), error, { trackingNumber: asked });

  const scans = asArray(result.statusBarcodesList);
  // Scans are grouped by consignment note: one shipment per consignment, in the order they first appear.
  const byNote = new Map<string, Node[]>();
  for (const scan of scans) {
    const note = text(scan?.consignmentNote) ?? asked ?? '';
    byNote.set(note, [...(byNote.get(note) ?? []), scan]);
  }
  const shipments = [...byNote.entries()].map(([note, list]) => {
    const specs: EventSpec[] = list.map((s) => {
      const status = text(s?.scannedStatus);
      return {
        code: text(s?.scannedBarcode),
        text: status,
        time: { value: text(s?.scannnedTimestamp) ?? text(s?.scannedTimestamp) },
        location: location({ city: text(s?.depotLocation), country: 'AU' }),
        tables: [ALLIED_SCAN_STATUSES],
        lookup: matchingKeys(status),
        classRule: status ? null : SCANNED,
      };
    });
    const { events, skipped } = collectEvents(specs);
    return trackedShipment(note, { events: oldestFirst(events), skipped });
  });
  if (shipments.length === 0)
    return failed('not_found', 'Allied Express has no scans for this number', { trackingNumber: asked });
  return { shipments, problems: [] };
}

function errorKind(message: string): ProblemKind {
  if (/no shipment|not found|invalid (consignment|reference)/i.test(message)) return 'not_found';
  if (/timeout|unavailable|try again/i.test(message)) return 'retryable';
  return 'carrier_error';
}

/** The child whose name, without its namespace prefix, is `name` ("soapenv:Body" for Body). */
function child(node: Node, name: string): Node {
  if (!node || typeof node !== 'object') return undefined;
  const key = Object.keys(node).find((k) => k === name || k.endsWith(`:${name}`));
  return key === undefined ? undefined : node[key];
}

/** Table keys the status text starts with, longest first ("IN TRANSIT TO SYDNEY" → "IN TRANSIT TO"). */
function matchingKeys(status: string | null): string[] {
  if (!status) return [];
  const s = status.toLowerCase();
  return KEYS.filter((k) => {
    const key = k.toLowerCase();
    return s === key || (s.startsWith(key) && /[^a-z0-9]/.test(s[key.length] ?? ''));
  });
}

/** Sorted by instant; ties keep Allied's order. */
function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
