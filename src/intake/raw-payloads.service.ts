import { randomBytes } from 'node:crypto';
import { NotFoundError, UnprocessableError } from '../errors.js';
import { sweptPayloads } from '../metrics.js';
import { groupByJob, type NormalizeEnqueuer } from '../queue/normalize-enqueuer.js';
import { NORMALIZE_JOB_PAYLOADS, type NormalizeJob, singlePayloadJobKey } from '../queue/queues.js';
import type { NormalizeOutcome, NormalizeService } from '../tracking/normalize.service.js';
import type {
  PayloadEventRow,
  PayloadSummaryRow,
  RawPayloadsRepository,
  ReplayRange,
} from './raw-payloads.repository.js';

// What agents and admins see of the raw carrier payloads behind a shipment (what came in, what normalizing
// it did, the decision for each event), replays of one payload or a time range, and the sweeper that
// re-enqueues payloads whose job was lost.

export const MAX_REPLAY_RANGE_DAYS = 31;
export const MAX_REPLAY_BATCH = 10_000;
const SWEEP_BATCH = 1_000;

export interface PayloadView {
  id: number;
  carrier: string;
  source: string;
  connectionId: string | null;
  receivedAt: string;
  state: string;
  attempts: number;
  replays: number;
  processedAt: string | null;
  error: string | null;
  verifiedBy: string | null;
  contentType: string | null;
  sizeBytes: number;
  headers: Record<string, string>;
  trackingNumbers: string[];
  result: unknown;
  events: {
    id: number;
    occurredAt: string;
    status: string;
    substatus: string | null;
    rawCode: string;
    rawText: string;
    decision: string;
  }[];
}

export interface PayloadDetail extends PayloadView {
  body: string;
  bodyEncoding: 'utf8' | 'base64';
}

export class RawPayloadsService {
  constructor(
    private readonly repo: RawPayloadsRepository,
    private readonly normalize: NormalizeService,
    private readonly enqueuer: NormalizeEnqueuer,
  ) {}

  async forShipment(
    merchantId: string,
    shipmentId: string,
    page: { limit: number; beforeId?: number },
  ): Promise<{ data: PayloadView[]; nextBeforeId: number | null }> {
    const shipment = await this.repo.shipment(merchantId, shipmentId);
    if (!shipment) throw new NotFoundError(`Shipment ${shipmentId}`);
    const rows = await this.repo.forTrackingNumber(
      merchantId,
      shipment.trackingNumber,
      page.limit + 1,
      page.beforeId,
    );
    const more = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    const events = await this.repo.events(
      shown.map((r) => Number(r.id)),
      shipment.id,
    );
    return {
      data: shown.map((r) => view(r, events)),
      nextBeforeId: more ? Number(shown.at(-1)?.id) : null,
    };
  }

  async get(merchantId: string, id: number): Promise<PayloadDetail> {
    const row = await this.repo.get(merchantId, id);
    if (!row) throw new NotFoundError(`Raw payload ${id}`);
    const text = row.body.toString('utf8');
    const utf8 = Buffer.from(text, 'utf8').equals(row.body);
    return {
      ...view(row, await this.repo.events([Number(row.id)])),
      body: utf8 ? text : row.body.toString('base64'),
      bodyEncoding: utf8 ? 'utf8' : 'base64',
    };
  }

  /** Normalizes one payload again, now, and answers with what it did. */
  async replay(
    merchantId: string,
    id: number,
  ): Promise<{ payload: PayloadDetail; outcome: NormalizeOutcome }> {
    const marked = await this.repo.markForReplay(merchantId, id);
    if (!marked) throw new NotFoundError(`Raw payload ${id}`);
    const outcome = await this.normalize.normalizePayload(marked.id);
    return { payload: await this.get(merchantId, id), outcome };
  }

  /** Sends every payload received in the range back through normalization, through the queue. */
  async replayRange(
    merchantId: string,
    range: ReplayRange,
  ): Promise<{ replayed: number; enqueued: boolean; more: boolean }> {
    if (!(range.from < range.to)) {
      throw new UnprocessableError('invalid_range', '"from" must be before "to".', [
        { in: 'body', field: 'from', reason: 'must be before "to"' },
      ]);
    }
    if (range.to.getTime() - range.from.getTime() > MAX_REPLAY_RANGE_DAYS * 86_400_000) {
      throw new UnprocessableError(
        'invalid_range',
        `Replay at most ${MAX_REPLAY_RANGE_DAYS} days at a time.`,
        [{ in: 'body', field: 'to', reason: `at most ${MAX_REPLAY_RANGE_DAYS} days after "from"` }],
      );
    }
    const batch = randomBytes(9).toString('base64url');
    const marked = await this.repo.markRangeForReplay(
      merchantId,
      range,
      MAX_REPLAY_BATCH + 1,
      batch,
      NORMALIZE_JOB_PAYLOADS,
    );
    const more = marked.length > MAX_REPLAY_BATCH;
    // The extra row only told us there is more; it was marked too, and will be processed like the rest.
    const enqueued = await this.enqueuer.enqueue(groupByJob(marked));
    return { replayed: marked.length, enqueued, more };
  }

  /**
   * Queues again the jobs of payloads still pending `afterMs` after arrival, under the keys stored with them.
   * A job Redis still holds (waiting, delayed, active) is left as it is: a backlog is not stranded. A job
   * Redis does not hold (it never arrived, or was removed after failing) is queued again under its key. A job
   * Redis holds as finished while payloads of it are still pending (a payload that kept failing it) gets
   * those payloads under a new key. Answers how many payloads were queued, and how many were found pending.
   */
  async sweep(afterMs: number): Promise<{ swept: number; pending: number }> {
    const stranded = await this.repo.stranded(afterMs, SWEEP_BATCH);
    if (stranded.length === 0) return { swept: 0, pending: 0 };
    const jobs = groupByJob(
      stranded.map((s) => ({ id: s.id, jobKey: s.jobKey ?? singlePayloadJobKey(s.id) })),
    );
    const states = await this.enqueuer.jobStates(jobs.map((j) => j.key));
    if (!states) return { swept: 0, pending: stranded.length };
    const toQueue: NormalizeJob[] = [];
    const batch = randomBytes(9).toString('base64url');
    for (const [i, job] of jobs.entries()) {
      const state = states[i];
      if (state === 'unknown') toQueue.push(job);
      else if (state === 'completed' || state === 'failed') {
        const key = `sweep-${batch}-${i}`;
        const ids = await this.repo.rekey(job.payloadIds, key);
        if (ids.length > 0) toQueue.push({ key, payloadIds: ids });
      }
    }
    const swept = (await this.enqueuer.enqueue(toQueue))
      ? toQueue.reduce((n, j) => n + j.payloadIds.length, 0)
      : 0;
    if (swept > 0) sweptPayloads.inc(swept);
    return { swept, pending: stranded.length };
  }
}

function view(r: PayloadSummaryRow, events: readonly PayloadEventRow[]): PayloadView {
  const id = Number(r.id);
  return {
    id,
    carrier: r.carrierCode,
    source: r.source,
    connectionId: r.connectionId,
    receivedAt: r.receivedAt.toISOString(),
    state: r.state,
    attempts: r.attempts,
    replays: r.replays,
    processedAt: r.processedAt?.toISOString() ?? null,
    error: r.lastError,
    verifiedBy: r.verifiedBy,
    contentType: r.contentType,
    sizeBytes: Number(r.sizeBytes),
    headers: (r.headers ?? {}) as Record<string, string>,
    trackingNumbers: r.trackingNumbers,
    result: r.result ?? null,
    events: events
      .filter((e) => Number(e.rawPayloadId) === id)
      .map((e) => ({
        id: Number(e.id),
        occurredAt: e.occurredAt.toISOString(),
        status: e.status,
        substatus: e.substatus,
        rawCode: e.rawCode,
        rawText: e.rawText,
        decision: e.decision,
      })),
  };
}
