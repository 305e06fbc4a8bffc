import type { MapProblem, MapResult, PayloadInput, ProblemKind } from '../model.js';
import { asArray, type Node, parseJson, text } from '../support/parse.js';
import { failed, kindForHttpStatus, problem } from '../support/problems.js';
import { mapLegacyPackage, mapListed, mapTrack } from './v1.js';
import { mapTrackInfo } from './v2.js';

// 17TRACK bodies: {code, data: {accepted: [...], rejected: [{number, error}]}} for gettrackinfo (v2:
// track_info, v1: track) and gettracklist (states only); webhooks {event, data: {number, track_info | track}};
// whole-call errors {code ≠ 0, data: {errors: [{code, message}]}}; and the legacy web API {Json: [...]} /
// {Code ≠ 0}. A number may appear several times (one entry per carrier it was registered with).

// 17TRACK's error codes (API docs, "Error codes"): not registered / no tracking information yet; internal
// errors, carrier timeouts and the daily limit pass; the rest (key, IP whitelist, quota, format) do not.
const NOT_FOUND = new Set([-18019902, -18019909]);
const RETRYABLE = new Set([429, -18010003, -18019815, -18019816, -18019907]);

function kindOf(code: number, httpStatus: number | null | undefined): ProblemKind {
  if (NOT_FOUND.has(code)) return 'not_found';
  if (RETRYABLE.has(code) || (code >= 500 && code < 600)) return 'retryable';
  return kindForHttpStatus(httpStatus) ?? 'carrier_error';
}

function errorProblem(error: Node, number: string | null, httpStatus: number | null | undefined): MapProblem {
  const code = Number(error?.code);
  return problem(
    kindOf(code, httpStatus),
    text(error?.message) ?? `17TRACK error ${text(error?.code) ?? ''}`,
    {
      code: text(error?.code),
      trackingNumber: number,
    },
  );
}

function mapEntry(entry: Node, event: string | null): MapResult {
  const number = text(entry?.number);
  if (!number) return failed('malformed', '17TRACK entry without number');
  if (entry.track_info) return { shipments: [mapTrackInfo(entry, number)], problems: [] };
  if (entry.track) return { shipments: [mapTrack(entry, number)], problems: [] };
  const listed = mapListed(entry, number);
  if (!listed.carrierStatus && event) listed.carrierStatus = { code: event, text: event };
  return { shipments: [listed], problems: [] };
}

function mapLegacy(body: Node, httpStatus: number | null | undefined): MapResult {
  if (!Array.isArray(body.Json)) {
    const code = text(body.Code) ?? 'error';
    return failed(
      kindForHttpStatus(httpStatus) ?? 'carrier_error',
      text(body.Message) ?? `17TRACK code ${code}`,
      {
        code,
      },
    );
  }
  const result: MapResult = { shipments: [], problems: [] };
  for (const p of body.Json as Node[]) {
    const number = text(p?.FTrackNo);
    if (number) result.shipments.push(mapLegacyPackage(p, number));
    else result.problems.push(problem('malformed', '17TRACK package without FTrackNo'));
  }
  return result;
}

export function mapSeventeenTrack(input: PayloadInput): MapResult {
  const parsed = parseJson(input.body);
  if (!parsed.ok) return { shipments: [], problems: [parsed.problem] };
  const body = parsed.value;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return failed('malformed', '17TRACK body is not an object');
  }
  if ('Json' in body || 'Code' in body) return mapLegacy(body, input.httpStatus);
  if (text(body.event) && body.data && typeof body.data === 'object')
    return mapEntry(body.data, text(body.event));
  const code = Number(body.code ?? 0);
  const errors = asArray(body.data?.errors);
  if (code !== 0 || errors.length > 0) {
    const list = errors.length > 0 ? errors : [{ code: body.code, message: text(body.message) }];
    return { shipments: [], problems: list.map((e: Node) => errorProblem(e, null, input.httpStatus)) };
  }
  const accepted = asArray(body.data?.accepted);
  const rejected = asArray(body.data?.rejected);
  if (accepted.length === 0 && rejected.length === 0 && !Array.isArray(body.data?.accepted)) {
    return failed('malformed', '17TRACK body holds no accepted or rejected numbers');
  }
  const parts: MapResult[] = accepted.map((e: Node) => mapEntry(e, null));
  return {
    shipments: parts.flatMap((p) => p.shipments),
    problems: [
      ...parts.flatMap((p) => p.problems),
      ...rejected.map((r: Node) => errorProblem(r?.error, text(r?.number), input.httpStatus)),
    ],
  };
}
