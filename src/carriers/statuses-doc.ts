import { SHIPMENT_STATUSES } from '../domain/status.js';
import type { CarrierAdapter } from './adapter.js';
import { SUBSTATUSES } from './model.js';
import { ADAPTERS } from './registry.js';

// docs/statuses.md, generated from the adapters' code tables so the document and the mapping can never
// disagree. `npm run docs:statuses` writes it; a test fails when the committed file is stale.

export const STATUSES_DOC_PATH = new URL('../../docs/statuses.md', import.meta.url);

const cell = (s: string | null | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function carrierSection(adapter: CarrierAdapter): string {
  const lines = [`## ${adapter.name} (\`${adapter.code}\`)`, ''];
  if (adapter.codeTables.length === 0)
    lines.push('No code table: events carry their status in words only.', '');
  for (const table of adapter.codeTables) {
    lines.push(`### ${table.title}`, '', '| code | status | substatus | why |', '| --- | --- | --- | --- |');
    for (const [code, rule] of Object.entries(table.rules)) {
      lines.push(`| \`${cell(code)}\` | ${rule.status} | ${rule.substatus ?? ''} | ${cell(rule.note)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderStatusesDoc(adapters: readonly CarrierAdapter[] = ADAPTERS): string {
  const sorted = [...adapters].sort((a, b) => a.code.localeCompare(b.code));
  const head = `# Carrier codes → wismo statuses

<!-- Generated from src/carriers/*/codes.ts by \`npm run docs:statuses\`; edit the code tables, not this file. -->

Every carrier event keeps the carrier's own code and text; wismo adds one of its statuses
(${SHIPMENT_STATUSES.map((s) => `\`${s}\``).join(', ')}) and at most one substatus
(${SUBSTATUSES.map((s) => `\`${s}\``).join(', ')}).

## How a shipment's status is derived

The status is never "the latest event". It is recomputed from the whole set of events (src/tracking/derive.ts):

- Events are walked in time order (UTC). Within one instant, the later step of the journey counts as later.
- Progress only moves forward: \`info_received\` < \`in_transit\` < last mile (\`out_for_delivery\`,
  \`attempt_failed\`, \`available_for_pickup\`) < \`delivered\`. A scan that would move the status backwards is
  recorded as \`out_of_order\` and ignored: a late "arrived at facility" after delivery changes nothing.
- \`exception\` and \`expired\` are side states: they show until progress resumes, and never undo progress.
- Explicit returns and cancellations override progress; a return after delivery is a real return, and a
  parcel delivered while returning is \`returned\`.
- Delays (\`carrier_delay\`, \`weather_delay\`, \`customs_delay\`) raise the shipment's \`delayed\` flag with the
  reason \`carrier_reported\`; they are not steps.
- Each event's \`decision\` says what happened to it: \`applied\`, \`superseded\` (a problem a later event
  resolved, a delivery scan a later one corrected), \`out_of_order\`, or \`duplicate\` (the same scan reported
  again in another form: same code and status in the same minute).

## Codes no table knows

An unknown code never fails a payload. It takes the status of its class where the carrier has classes
(UPS status types, for instance), else what its text plainly says ("out for delivery", "delivered", …), else
\`in_transit\`. The event is marked \`mapped: false\` in the API and counted in the metric
\`wismo_carrier_unmapped_events_total{carrier,code}\`: each one is a row to add below.

## Times

Offsets the carrier wrote are kept. A local time without an offset is placed in the zone the carrier names
beside it (Canada Post's \`EST\`, MyDHL's GMT offset), else in the zone of the event's location (country,
region and city), and marked \`offsetSource: location_zone\`; with neither, it is read as UTC and marked
\`assumed_utc\`. AM/PM and seconds are always read. Placeholder dates (before 1995, after 2100) are skipped
and reported, never stored.
`;
  return `${[head, ...sorted.map(carrierSection)].join('\n')}`;
}
