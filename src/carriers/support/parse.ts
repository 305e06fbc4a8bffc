import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MapProblem } from '../model.js';
import { problem } from './problems.js';

// Reading bodies. XML goes through fast-xml-parser (validated first: a truncated or broken document is a
// `malformed` problem, not a half-read one); values stay strings so codes such as Canada Post's "0174" keep
// their zeros; namespace prefixes are dropped because carriers change them between API versions.

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: MapProblem };

// biome-ignore lint/suspicious/noExplicitAny: parsed payloads are walked defensively by the mappers.
export type Node = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

export function parseXml(body: string): Parsed<Node> {
  const text = body.trim();
  if (!text.startsWith('<')) return { ok: false, problem: problem('malformed', 'body is not XML') };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      ok: false,
      problem: problem('malformed', `invalid XML at line ${valid.err.line}: ${valid.err.msg}`),
    };
  }
  return { ok: true, value: parser.parse(text) };
}

export function parseJson(body: string): Parsed<Node> {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, problem: problem('malformed', `invalid JSON: ${(err as Error).message}`) };
  }
}

/** XML or JSON, by the first character: some carriers answer errors in the other format. */
export function looksLikeXml(body: string): boolean {
  return body.trimStart().startsWith('<');
}

/** XML gives one child as an object and several as an array; JSON APIs sometimes do the same. */
export function asArray<T = Node>(value: T | T[] | null | undefined): T[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a value: strings trimmed, numbers as written, XML elements with attributes by their text. */
export function text(value: Node): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value) && '#text' in value) return text(value['#text']);
  return null;
}

/** Walks a path of keys, taking the first element wherever an array is met. */
export function at(value: Node, ...path: (string | number)[]): Node {
  let cur = value;
  for (const key of path) {
    if (cur === undefined || cur === null) return undefined;
    if (Array.isArray(cur) && typeof key === 'string') cur = cur[0];
    cur = cur?.[key];
  }
  return cur;
}

/** The first of several keys that holds a value (carriers rename fields between versions). */
export function first(value: Node, ...keys: string[]): Node {
  for (const k of keys) {
    const v = value?.[k];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

export function num(value: Node): number | null {
  const t = text(value);
  if (t === null) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
