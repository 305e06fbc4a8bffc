import type { MapResult, PayloadInput } from '../model.js';
import { looksLikeXml } from '../support/parse.js';
import { mapUpsJson } from './map-json.js';
import { mapUpsXml } from './map-xml.js';

/** UPS answers in JSON (Track API) or XML (the older Tracking API); the body says which. */
export function mapUps(input: PayloadInput): MapResult {
  return looksLikeXml(input.body) ? mapUpsXml(input) : mapUpsJson(input);
}
