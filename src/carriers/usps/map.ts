import type { MapResult, PayloadInput } from '../model.js';
import { looksLikeXml } from '../support/parse.js';
import { mapUspsJson } from './map-json.js';
import { mapUspsXml } from './map-xml.js';

/** USPS answers in JSON (Tracking v3) or XML (Web Tools); the body says which. */
export function mapUsps(input: PayloadInput): MapResult {
  return looksLikeXml(input.body) ? mapUspsXml(input) : mapUspsJson(input);
}
