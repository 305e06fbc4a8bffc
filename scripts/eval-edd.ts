// Measures predicted delivery dates on a generated history with the most recent 20 % held back
// (src/predictions/evaluation); docs/predicted-edd.md quotes what this prints. `npm run -s eval:edd`.
import { evaluate, type Metrics, sweep } from '../src/predictions/evaluation/evaluate.js';
import { generateHistory } from '../src/predictions/evaluation/history.js';
import { METHOD } from '../src/predictions/method.js';

const seed = Number(process.argv[2] ?? 1);
const parcels = generateHistory({ seed });
const e = evaluate(parcels, METHOD);
const out = (s: string) => process.stdout.write(`${s}\n`);

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (name: string, m: Metrics) =>
  out(
    `${name.padEnd(34)} ${String(m.predicted).padStart(5)} ${pct(m.coverage).padStart(8)} ${m.mae.toFixed(2).padStart(6)} ${pct(m.withinOneDay).padStart(8)} ${m.bias.toFixed(2).padStart(6)} ${pct(m.late).padStart(8)}`,
  );
const header = (first: string) =>
  out(
    `${first.padEnd(34)} ${'n'.padStart(5)} ${'coverage'.padStart(8)} ${'MAE'.padStart(6)} ${'±1 day'.padStart(8)} ${'bias'.padStart(6)} ${'late'.padStart(8)}`,
  );

out(`seed ${seed}: ${parcels.length} parcels, ${e.trained} before the cut, ${e.held} held back`);
out(
  `method: median of ${METHOD.counting}-day transit over ${METHOD.windowDays} days, at least ${METHOD.minSample} deliveries\n`,
);
header('held-back parcels');
row('predicted (the method)', e.model);
row('  counting calendar days instead', e.calendarDays);
row('  oracle (the true lane medians)', e.oracle);
row('naive: median of all lanes', e.naive);
row("carrier's EDD, where it gives one", e.carrier.carrier);
row('  predicted, on the same parcels', e.carrier.model);
out(`thin lanes: ${e.thinLaneParcels} held-back parcels, ${e.thinLanePredicted} predicted\n`);
header('by carrier (predicted)');
for (const [carrier, m] of Object.entries(e.byCarrier)) row(carrier, m);
out('');
header('minimum sample');
for (const s of sweep(parcels, METHOD, 'minSample', [5, 10, 20, 50, 100])) row(String(s.value), s.model);
out('');
header('quantile');
for (const s of sweep(parcels, METHOD, 'quantile', [0.5, 0.6, 0.75, 0.9])) row(String(s.value), s.model);
