import type { MapResult, PayloadInput } from '../model.js';
import { looksLikeXml } from '../support/parse.js';
import { mapDhlExpressJson } from './map-json.js';
import { mapDhlExpressXml } from './map-xml.js';

// DHL Express answers in two formats: the XML Services (XML-PI) TrackingResponse and the MyDHL API (JSON).
// The body says which, whatever the content type claims.
export function mapDhlExpress(input: PayloadInput): MapResult {
  return looksLikeXml(input.body) ? mapDhlExpressXml(input) : mapDhlExpressJson(input);
}
