import type { MapProblem, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { familyRule, LAPOSTE_CODES } from './codes.js';

// La Poste API Suivi v2 (Colissimo, Lettre suivie, Chronopost items). One answer per number, each with its
// own returnCode: 200 with a shipment, or an error (400 invalid number, 401 bad key, 404 unknown number, 5xx)
// with returnMessage. The API answers one number as a bare object; karrio's fixture is an array of answers and
// the multi-number form is { responses: [...] }: all three are read. shipment.event lists the events newest
// first, each with code, label and a date with its offset; timeline is La Poste's five-step summary, whose
// last reached step is the shipment-level status.

export function mapLaposte(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `La Poste HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const body = parsed.value;
  const answers: Node[] = Array.isArray(body)
    ? body
    : Array.isArray(body?.responses)
      ? body.responses
      : [body];
  const shipments: TrackedShipment[] = [];
  const problems: MapProblem[] = [];
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  for (const answer of answers) {
    if (answer?.shipment && typeof answer.shipment === 'object' && text(answer.shipment.idShip)) {
      shipments.push(shipment(answer.shipment));
    } else if (
      answer &&
      typeof answer === 'object' &&
      (answer.returnCode !== undefined || answer.returnMessage)
    ) {
      const code = text(answer.returnCode);
      const message = text(answer.returnMessage) ?? `La Poste answered ${code ?? 'without a shipment'}`;
      problems.push(
        problem(errorKind(answer.returnCode), message, {
          code,
          trackingNumber: text(answer.idShip) ?? asked,
        }),
      );
    } else {
      problems.push(problem('malformed', 'La Poste answer without shipment or returnCode'));
    }
  }
  return { shipments, problems };
}

function shipment(s: Node): TrackedShipment {
  const { events, skipped } = collectEvents(
    asArray(s.event).map((e: Node) => ({
      code: text(e?.code),
      text: text(e?.label),
      time: { value: text(e?.date) },
      location: location({ country: text(e?.country) }),
      tables: [LAPOSTE_CODES],
      classRule: familyRule(text(e?.code)),
    })),
  );
  const edd = resolveDate(text(s.estimDate));
  const reached = asArray(s.timeline).filter((t: Node) => t?.status === true);
  const step = reached.at(-1);
  return trackedShipment(text(s.idShip) as string, {
    events: oldestFirst(events, true),
    skipped,
    service: text(s.product),
    edd: edd ? { date: edd, windowStart: null, windowEnd: null } : null,
    origin: location({ country: text(s.contextData?.originCountry) }),
    destination: location({ country: text(s.contextData?.arrivalCountry) }),
    carrierStatus: step ? { code: text(step.id) ?? '', text: text(step.shortLabel) ?? '' } : null,
  });
}

function errorKind(returnCode: Node): ProblemKind {
  const code = Number(returnCode);
  // 400 is an invalid number: asking again will not help, and the number cannot exist.
  return Number.isInteger(code) ? (kindForHttpStatus(code) ?? 'carrier_error') : 'carrier_error';
}
