import type { CodeRule, CodeTable } from '../adapter.js';
import { lookupCode } from '../adapter.js';

// From a carrier code to our status. Known codes come from the carrier's tables. An unknown code never
// crashes a mapper: it takes the status of its class when the carrier has classes (UPS status types,
// FedEx derived codes), else what its text plainly says, else in_transit, the least committal status a
// carrier event can have. Such events are marked unmapped, and the normalizer counts them.

export interface Classified {
  rule: CodeRule;
  mapped: boolean;
}

// Ordered: the first match wins, so "not delivered" and "delivery attempted" are read before "delivered".
const TEXT_RULES: readonly [RegExp, CodeRule][] = [
  [
    /return(ed)? to (sender|shipper)|retour(n(é|e)e?s?)? (à|a) l['’]exp|r(ü|u)cksendung|returned/i,
    { status: 'returning', substatus: 'return_to_sender' },
  ],
  [/cancel|annul|storniert|void/i, { status: 'cancelled' }],
  [
    /attempt|not delivered|unable to deliver|could not be delivered|avis de passage|nicht zugestellt|no one (was )?(home|available)/i,
    { status: 'attempt_failed', substatus: 'recipient_unavailable' },
  ],
  [
    /out for delivery|on (the )?vehicle for delivery|en cours de livraison|in zustellung|zustellfahrzeug/i,
    { status: 'out_for_delivery' },
  ],
  [
    /ready for (pick ?up|collection)|available for (pick ?up|collection)|awaiting collection|pick ?up point|locker|disponible en (bureau|point)|abholbereit|filiale/i,
    { status: 'available_for_pickup', substatus: 'at_pickup_point' },
  ],
  [/deliver(ed|y (completed|successful))|livr(é|e)|zugestellt|consegnat|entregad/i, { status: 'delivered' }],
  [/customs/i, { status: 'in_transit', substatus: 'customs_clearance' }],
  [/delay|retard|verz(ö|o)gerung/i, { status: 'in_transit', substatus: 'carrier_delay' }],
  [
    /exception|damaged|lost|refused|incorrect address|address (problem|issue)|held|on hold/i,
    { status: 'exception', substatus: 'unknown_problem' },
  ],
  [
    /label (created|printed)|shipping label|information received|electronic (notification|shipment information)|pre-?advice|manifest|billing information|order (information|processed)/i,
    { status: 'info_received', substatus: 'label_created' },
  ],
  [
    /picked up|pick-?up scan|collected from|accepted|acceptance|prise en charge|(ü|u)bernommen|origin scan/i,
    { status: 'in_transit', substatus: 'picked_up' },
  ],
  [/depart|left|sortie|ausgang/i, { status: 'in_transit', substatus: 'departed' }],
  [/arriv|received at|reçu|eingang/i, { status: 'in_transit', substatus: 'arrived' }],
];

export function classifyText(text: string | null | undefined): CodeRule | null {
  if (!text) return null;
  for (const [pattern, rule] of TEXT_RULES) if (pattern.test(text)) return rule;
  return null;
}

/**
 * Looks each candidate code up in each table, in order; then the class rule; then the text.
 * `codes` lets a mapper try a specific code before a general one (UPS "KB" before type "D").
 */
export function classify(
  tables: readonly CodeTable[],
  codes: readonly (string | null | undefined)[],
  text: string | null | undefined,
  classRule?: CodeRule | null,
): Classified {
  for (const code of codes) {
    if (!code) continue;
    for (const table of tables) {
      const rule = lookupCode(table, code);
      if (rule) return { rule, mapped: true };
    }
  }
  if (classRule) return { rule: classRule, mapped: false };
  return { rule: classifyText(text) ?? { status: 'in_transit' }, mapped: false };
}
