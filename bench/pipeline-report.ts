import type { Measure } from './support.js';

// The Markdown of bench/results/pipeline.md (and the README's Performance table): the figures the benchmark
// promises, each next to a bare Fastify route measured the same way where one exists, then what the flow
// did, counted at the sinks.

interface Compared {
  wismo: Measure;
  bare: Measure;
  ratio: number;
}

export interface PipelineSummary {
  date: string;
  machine: { cpus: number; node: string };
  shipments: number;
  sandboxSpeed: number;
  pollSpeedup: number;
  autovacuum: string;
  registration: { orders: number; refused: number; perSecond: number; seconds: number };
  outcomes: Record<string, number>;
  flow: {
    drained: boolean;
    seconds: number;
    cpuSeconds: { api: number; worker: number; sandbox: number; benchmark: number; machine: number };
    events: number;
    eventSeconds: number;
    eventsPerSecond: number;
    peakEventsPerSecond: number;
    deadlocks: number;
    payloads: Record<string, { stored: number; failed: number }>;
    statuses: Record<string, number>;
    notifications: Record<string, number>;
    emails: { distinct: number; repeats: number; sameRecipientAndSubjectTwice: number; perSecond: number };
    webhooks: { distinct: number; repeats: number; perSecond: number };
    emailLatency: { measured: number; p50Ms: number; p99Ms: number };
  };
  intake: Compared;
  tracking: Compared;
  search: { queries: number; p50Ms: number; p99Ms: number; bareP50Ms: number; bareP99Ms: number };
  rss: { apiMb: number | null; workerMb: number | null; bareMb: number | null; sandboxMb: number | null };
  settings: { connections: number; rounds: number; seconds: number };
}

const n = (v: number) => Math.round(v).toLocaleString('en');
const ratio = (a: number | null, b: number | null) => (a && b ? (a / b).toFixed(2) : '–');

function cpuLine(c: PipelineSummary['flow']['cpuSeconds']): string {
  const rest = c.machine - c.api - c.worker - c.sandbox - c.benchmark;
  return `api ${n(c.api)}, worker ${n(c.worker)}, sandbox carrier ${n(c.sandbox)}, the benchmark's client and sinks ${n(c.benchmark)}, Postgres, Redis and the rest ${n(rest)} (machine ${n(c.machine)})`;
}

export function pipelineReport(s: PipelineSummary): string {
  const f = s.flow;
  const pushes = f.payloads.push?.stored ?? 0;
  const polls = f.payloads.poll?.stored ?? 0;
  const failed = (f.payloads.push?.failed ?? 0) + (f.payloads.poll?.failed ?? 0);
  const mb = (v: number | null) => (v === null ? '–' : `${v} MB`);
  return [
    `| measure (one run) | wismo | bare Fastify route, same way | wismo / bare |`,
    '| --- | ---: | ---: | ---: |',
    `| webhook intake, signed sandbox pushes, requests/s | ${n(s.intake.wismo.requestsPerSecond)} | ${n(s.intake.bare.requestsPerSecond)} | **${s.intake.ratio.toFixed(2)}** |`,
    `| webhook intake p99 | ${s.intake.wismo.p99} ms | ${s.intake.bare.p99} ms | |`,
    `| events normalized / s (the flow, first to last event) | ${n(f.eventsPerSecond)} (peak ${n(f.peakEventsPerSecond)}) | | |`,
    `| event → email at the SMTP server, p50 / p99 | ${n(f.emailLatency.p50Ms)} / ${n(f.emailLatency.p99Ms)} ms | | |`,
    `| tracking read, requests/s | ${n(s.tracking.wismo.requestsPerSecond)} | ${n(s.tracking.bare.requestsPerSecond)} | **${s.tracking.ratio.toFixed(2)}** |`,
    `| tracking read p99 | ${s.tracking.wismo.p99} ms | ${s.tracking.bare.p99} ms | |`,
    `| search p99, one query at a time (same-stack bare route) | ${s.search.p99Ms} ms | ${s.search.bareP99Ms} ms | ${ratio(s.search.p99Ms, s.search.bareP99Ms)} |`,
    `| peak RSS, api process | ${mb(s.rss.apiMb)} | ${mb(s.rss.bareMb)} | ${ratio(s.rss.apiMb, s.rss.bareMb)} |`,
    `| peak RSS, worker process | ${mb(s.rss.workerMb)} | ${mb(s.rss.bareMb)} | ${ratio(s.rss.workerMb, s.rss.bareMb)} |`,
    '',
    `The flow: ${n(s.registration.orders)} orders with a sandbox parcel each registered through the API at ${n(s.registration.perSecond)} a second (${s.registration.refused} refused); half the parcels pushed by the sandbox as they move, all polled. ${n(pushes)} pushes and ${n(polls)} poll answers stored (${failed} failed), ${n(f.events)} events normalized in ${n(f.eventSeconds)} s, ${f.deadlocks} deadlocks broken by Postgres. At the sinks: ${n(f.emails.distinct)} emails (${n(f.emails.perSecond)}/s; ${f.emails.repeats} repeated under their Message-ID) and ${n(f.webhooks.distinct)} merchant webhooks (${n(f.webhooks.perSecond)}/s; ${f.webhooks.repeats} repeated under their webhook-id). Parcels ended ${Object.entries(
      f.statuses,
    )
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}; the sandbox's journeys: ${Object.entries(s.outcomes)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(
        ', ',
      )}.${f.drained ? '' : ' **The flow had not settled when the benchmark gave up.**'} Latency over ${n(f.emailLatency.measured)} emails about a parcel's status.`,
    '',
    `CPU seconds during the flow (${n(f.seconds)} s, ${s.machine.cpus} cores): ${cpuLine(f.cpuSeconds)}.`,
    '',
    `Sandbox time ${s.sandboxSpeed}× real time, poll cadence ${s.pollSpeedup}× (in transit: every ${Math.round(10_800 / s.pollSpeedup)} s); 1 api and 1 worker process; ${s.autovacuum === 'on' ? '' : "Postgres's autovacuum off, so the benchmark ran VACUUM (ANALYZE) every 20 s in its place; "}${s.settings.connections} connections, ${s.settings.rounds} rounds of ${s.settings.seconds} s per route; ${s.machine.cpus} CPUs, Node ${s.machine.node}; ${s.date}.`,
    '',
  ].join('\n');
}
