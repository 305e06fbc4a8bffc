import { z } from 'zod';
import { CarrierCode } from '../shipments/shipments.schemas.js';

const Event = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  status: z.string(),
  substatus: z.string().nullable(),
  rawCode: z.string(),
  rawText: z.string(),
  decision: z
    .string()
    .describe('What the derivation did with it: applied, duplicate, out_of_order, superseded'),
});

const payloadFields = {
  id: z.number().int(),
  carrier: z.string(),
  source: z.string().describe('push (webhook) or poll'),
  connectionId: z.string().nullable(),
  receivedAt: z.string(),
  state: z.string().describe('pending, processed or failed'),
  attempts: z.number().int(),
  replays: z.number().int(),
  processedAt: z.string().nullable(),
  error: z.string().nullable().describe('Why it failed, or why its last attempt failed'),
  verifiedBy: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int(),
  headers: z.record(z.string(), z.string()),
  trackingNumbers: z.array(z.string()),
  result: z.unknown().describe('What normalizing it did: shipments, decisions, problems'),
  events: z.array(Event).describe('Events first stored from this payload, with their decisions'),
};

export const RawPayloadView = z.object(payloadFields).meta({ id: 'RawPayload' });
export const RawPayloadDetail = z
  .object({
    ...payloadFields,
    body: z.string(),
    bodyEncoding: z.enum(['utf8', 'base64']),
  })
  .meta({ id: 'RawPayloadDetail' });

export const RawPayloadList = z
  .object({
    data: z.array(RawPayloadView),
    nextBeforeId: z.number().int().nullable().describe('Pass as "before" for the next (older) page'),
  })
  .meta({ id: 'RawPayloadList' });

export const PayloadParams = z.strictObject({
  payloadId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});

export const PayloadListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().positive().optional(),
});

export const ReplayOneResult = z
  .object({
    payload: RawPayloadDetail,
    outcome: z.object({
      state: z.string(),
      shipments: z.array(
        z.object({
          shipmentId: z.string(),
          trackingNumber: z.string(),
          newEvents: z.number(),
          status: z.string(),
        }),
      ),
      unmatched: z.array(z.string()),
      decisions: z.record(z.string(), z.number()),
    }),
  })
  .meta({ id: 'ReplayResult' });

export const ReplayRangeBody = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).describe('Payloads received at or after this instant'),
    to: z.iso.datetime({ offset: true }).describe('… and before this one (at most 31 days later)'),
    carrier: CarrierCode.optional(),
    connectionId: z.uuid().optional(),
    state: z.enum(['pending', 'processed', 'failed']).optional().describe('e.g. failed, after a mapping fix'),
  })
  .meta({ id: 'ReplayRange' });

export const ReplayRangeResult = z
  .object({
    replayed: z.number().int(),
    enqueued: z.boolean().describe('false when the queue was unreachable: the sweeper enqueues them shortly'),
    more: z.boolean().describe('true when the range held more than one batch: call again for the rest'),
  })
  .meta({ id: 'ReplayRangeResult' });
