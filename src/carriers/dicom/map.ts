import type { EventLocation } from '../../domain/shapes.js';
import type { MapResult, PayloadInput, ProblemKind } from '../model.js';
import { collectEvents, type EventSpec, location, trackedShipment } from '../support/build.js';
import { classifyText } from '../support/classify.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus } from '../support/problems.js';
import { DICOM_ACTIVITY_CODES } from './codes.js';

// Dicom tracking API (GET v1/tracking/{number}): one shipment document, or a list of them. Activities carry
// an ISO instant in UTC ("2021-02-10T04:27:31Z"), Dicom's code, detail code and group, a status word and a
// detail text, and the terminal (a code such as "MTL"). Proof-of-delivery images name who received the
// parcel. Errors are ASP.NET bodies: { "Message": "Authorization has been denied for this request." }.

const SERVICES: Record<string, string> = { GRD: 'Ground', AIR: 'Air' };

const address = (a: Node): EventLocation | null =>
  location({
    city: text(a?.city),
    region: text(a?.provinceCode),
    postalCode: text(a?.postalCode),
    country: text(a?.countryCode),
  });

function errorKind(message: string, httpStatus: number | null | undefined): ProblemKind {
  if (/not found|does not exist|no shipment|invalid tracking/i.test(message)) return 'not_found';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

export function mapDicom(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `Dicom HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : failed('malformed', parsed.problem.message);
  }
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const parts = asArray(parsed.value).map((doc: Node) => mapDocument(doc, input.httpStatus, asked));
  if (parts.length === 0) return failed('malformed', 'empty Dicom answer');
  return { shipments: parts.flatMap((p) => p.shipments), problems: parts.flatMap((p) => p.problems) };
}

function mapDocument(doc: Node, httpStatus: number | null | undefined, asked: string | null): MapResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return failed('malformed', 'Dicom answer is not a shipment');
  const number = text(doc.trackingNumber);
  if (!number) {
    const message = text(doc.Message) ?? text(doc.message);
    if (!message) return failed('malformed', 'Dicom answer without trackingNumber');
    return failed(errorKind(message, httpStatus), message, {
      code: text(doc.Code) ?? text(doc.code),
      trackingNumber: asked,
    });
  }
  const { events, skipped } = collectEvents(asArray(doc.activities).map(activity));
  const pod = asArray(doc.activityImages).find((i: Node) => text(i?.imageType)?.toUpperCase() === 'POD');
  const pieces = asArray(doc.parcels).reduce((sum: number, p: Node) => sum + (num(p?.quantity) ?? 0), 0);
  const delivery = text(doc.deliveryType);
  const status = text(doc.status);
  return {
    shipments: [
      trackedShipment(number, {
        events: [...events].sort((a, b) =>
          a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
        ),
        skipped,
        service: delivery ? (SERVICES[delivery.toUpperCase()] ?? delivery) : null,
        // The name captured with the proof-of-delivery image: who took the parcel.
        signedBy: text(pod?.clientName),
        origin: address(doc.sender),
        destination: address(doc.consignee),
        pieces: pieces > 0 ? pieces : null,
        carrierStatus: status ? { code: status, text: status } : null,
      }),
    ],
    problems: [],
  };
}

function activity(a: Node): EventSpec {
  const code = text(a?.code);
  const detail = text(a?.codeDetail);
  const word = text(a?.status);
  const extra = text(a?.additionalInformation);
  return {
    // Code and detail together are the most specific thing Dicom says ("DL-NI").
    code: code && detail ? `${code}-${detail}` : (code ?? detail),
    text: [text(a?.statusDetail) ?? word, extra].filter(Boolean).join(' - '),
    time: { value: text(a?.activityDate) ?? text(a?.createDate) },
    location: location({ city: text(a?.terminal) }),
    tables: [DICOM_ACTIVITY_CODES],
    lookup: [code && detail ? `${code}-${detail}` : null, code, text(a?.group)],
    // Dicom's status word is the class of a code no table knows.
    classRule: classifyText(word),
  };
}
