import type { MapResult, PayloadInput } from '../model.js';
import { looksLikeXml } from '../support/parse.js';
import { mapFedexJson } from './map-json.js';
import { mapFedexXml } from './map-xml.js';

// FedEx answers in two formats: the Track API (JSON) and the older Web Services (SOAP XML). The body says
// which, whatever the content type claims.
export function mapFedex(input: PayloadInput): MapResult {
  return looksLikeXml(input.body) ? mapFedexXml(input) : mapFedexJson(input);
}
