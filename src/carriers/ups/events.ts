import type { EventLocation } from '../../domain/shapes.js';
import type { EventSpec } from '../support/build.js';
import { classify, classifyText } from '../support/classify.js';
import { typeRule, UPS_ACTIVITY_CODES } from './codes.js';

// One UPS activity, whichever API it came from, as an event spec.

export const UPS_TIME_FORMATS = ['yyyyMMdd HHmmss', 'yyyyMMdd HHmm', 'yyyyMMdd'];

export function activitySpec(a: {
  type: string | null;
  code: string | null;
  text: string | null;
  date: string | null;
  time: string | null;
  zone?: string | null;
  location: EventLocation | null;
}): EventSpec | null {
  // A date without a time of day would be placed at midnight: not an event time wismo can stand by.
  if (!a.date || !a.time) return null;
  const tables = [UPS_ACTIVITY_CODES];
  const classRule = typeRule(a.type);
  const found = classify(tables, [a.code], a.text, classRule);
  // UPS sends DS (and other in-transit codes) with the words OUT FOR DELIVERY; the words are right.
  const words = classifyText(a.text);
  const rule =
    words?.status === 'out_for_delivery' && found.rule.status === 'in_transit'
      ? words
      : found.mapped
        ? found.rule
        : null;
  return {
    code: a.code ?? a.type,
    text: a.text,
    time: { value: `${a.date} ${a.time}`, formats: UPS_TIME_FORMATS, zone: a.zone ?? null },
    location: a.location,
    tables,
    classRule,
    rule,
  };
}
