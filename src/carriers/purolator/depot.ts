import type { EventLocation } from '../../domain/shapes.js';
import { location } from '../support/build.js';

// Purolator names the depot of a scan, not its address: "MONTREAL SORT CTR/CTR TRIE, PQ", "TORONTO". The
// town is the name less its facility words (and the French half after the slash); the province code after
// the comma gives the country, so local scan times can be placed in the depot's zone.

const PROVINCES: Record<string, string> = {
  AB: 'AB',
  BC: 'BC',
  MB: 'MB',
  NB: 'NB',
  NL: 'NL',
  NF: 'NL', // Newfoundland's code before 2002
  NS: 'NS',
  NT: 'NT',
  NU: 'NU',
  ON: 'ON',
  PE: 'PE',
  QC: 'QC',
  PQ: 'QC', // Quebec's code before 1992, still in Purolator depot names
  SK: 'SK',
  YT: 'YT',
};

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);

const FACILITY_WORDS = new Set([
  'SORT',
  'CTR',
  'CENTRE',
  'CENTER',
  'TERMINAL',
  'HUB',
  'DEPOT',
  'FACILITY',
  'AIRPORT',
]);

export function depotLocation(name: string | null): EventLocation | null {
  if (!name) return null;
  const comma = name.lastIndexOf(',');
  const head = (comma >= 0 ? name.slice(0, comma) : name).split('/')[0] ?? '';
  const tail =
    comma >= 0
      ? name
          .slice(comma + 1)
          .trim()
          .toUpperCase()
      : '';
  const words = head.trim().split(/\s+/);
  while (words.length > 1 && FACILITY_WORDS.has((words.at(-1) ?? '').toUpperCase())) words.pop();
  const province = PROVINCES[tail];
  const country = province ? 'CA' : US_STATES.has(tail) ? 'US' : null;
  return location({ city: words.join(' '), region: province ?? (country ? tail : null), country });
}
