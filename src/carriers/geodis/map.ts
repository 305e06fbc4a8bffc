import type { EventLocation } from '../../domain/shapes.js';
import type { MapProblem, MapResult, PayloadInput, ProblemKind, TrackedShipment } from '../model.js';
import { collectEvents, type EventSpec, location, oldestFirst, trackedShipment } from '../support/build.js';
import { asArray, type Node, num, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { resolveDate } from '../support/time.js';
import { GEODIS_CODES, situationRule } from './codes.js';

// GEODIS France tracking API (espace client, "suivi-envoi"): { ok, codeErreur, texteErreur, contenu }, one per
// number (several numbers: an array of them). contenu.listSuivis holds the events NEWEST first: dateSuivi
// ("2020-01-17") and heureSuivi ("14:23:22") in French local time, the code (codeSituationJustification),
// its label and the agency (libelleCentre: "Rochefort (FR)", or only its number "020037"). The times are
// placed in the agency's country; an agency known by number only is taken to be in the shipment's country
// when sender and addressee share one. libelleLivraison ("Livraison le 20 janvier 2020") announces the
// planned delivery: it is no proof of delivery.

const FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

export function mapGeodis(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) {
    const kind = kindForHttpStatus(input.httpStatus);
    return kind
      ? failed(kind, `GEODIS HTTP ${input.httpStatus}: ${parsed.problem.message}`)
      : { shipments: [], problems: [parsed.problem] };
  }
  const answers: Node[] = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const asked = input.requested?.length === 1 ? (input.requested[0] ?? null) : null;
  const shipments: TrackedShipment[] = [];
  const problems: MapProblem[] = [];
  for (const answer of answers) {
    if (answer?.ok === true && text(answer.contenu?.noSuivi)) shipments.push(shipment(answer.contenu));
    else if (answer?.ok === false) {
      const message = text(answer.texteErreur) ?? 'GEODIS error';
      problems.push(
        problem(errorKind(message, input.httpStatus), message, {
          code: text(answer.codeErreur),
          trackingNumber: answers.length === 1 ? asked : null,
        }),
      );
    } else problems.push(problem('malformed', 'GEODIS answer without ok/contenu'));
  }
  return { shipments, problems };
}

function shipment(c: Node): TrackedShipment {
  const origin = party(c.expediteur);
  const destination = party(c.destinataire);
  const home =
    origin?.countryCode && origin.countryCode === destination?.countryCode
      ? { countryCode: origin.countryCode }
      : null;
  const { events, skipped } = collectEvents(asArray(c.listSuivis).map((e: Node) => eventSpec(e, home)));
  const edd = resolveDate(text(c.dateLivraisonPrevue));
  const steps = asArray(c.timeline?.listTimesteps);
  const current = steps.find((t: Node) => num(t?.position) === num(c.timeline?.positionCourante));
  return trackedShipment(text(c.noSuivi) as string, {
    events: oldestFirst(events, true),
    skipped,
    service: text(c.prestationCommerciale?.libelle),
    edd: edd ? { date: edd, windowStart: null, windowEnd: null } : null,
    pieces: num(c.nbColis),
    origin,
    destination,
    carrierStatus: current ? { code: text(current.position) ?? '', text: text(current.libelle) ?? '' } : null,
  });
}

function eventSpec(e: Node, home: EventLocation | null): EventSpec {
  const where = agency(text(e?.libelleCentre));
  const code = text(e?.codeSituationJustification);
  const date = text(e?.dateSuivi);
  const time = text(e?.heureSuivi);
  return {
    code,
    text: text(e?.libelleSuivi) ?? text(e?.libelleCourtSuivi),
    time: {
      value: date && time ? `${date} ${time}` : null,
      formats: FORMATS,
      location: where?.countryCode ? where : home,
    },
    location: where,
    tables: [GEODIS_CODES],
    classRule: situationRule(code),
  };
}

/** "Rochefort (FR)" → city and country; an agency number ("020037") is no place. */
function agency(label: string | null): EventLocation | null {
  if (!label || /^\d+$/.test(label)) return null;
  const m = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(label);
  return m ? location({ city: m[1], country: m[2] }) : location({ city: label });
}

const party = (p: Node): EventLocation | null =>
  location({ city: text(p?.ville), postalCode: text(p?.codePostal), country: text(p?.pays?.code) });

function errorKind(message: string, httpStatus: number | null | undefined): ProblemKind {
  if (/introuvable|inconnu|not found|aucun envoi/i.test(message)) return 'not_found';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}
