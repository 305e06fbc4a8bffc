import { z } from 'zod';
import { OUTBOX_TOPICS } from '../outbox/outbox.repository.js';

export const EventType = z.enum(OUTBOX_TOPICS);

const EndpointUrl = z
  .string()
  .max(2048)
  .describe('Where events are POSTed; must not resolve to a private, loopback or link-local address');

export const CreateEndpointBody = z
  .strictObject({
    url: EndpointUrl,
    description: z.string().max(200).optional(),
    eventTypes: z
      .array(EventType)
      .max(OUTBOX_TOPICS.length)
      .optional()
      .describe('Empty or omitted: every event'),
  })
  .meta({ id: 'CreateWebhookEndpoint' });

export const UpdateEndpointBody = z
  .strictObject({
    url: EndpointUrl.optional(),
    description: z.string().max(200).optional(),
    eventTypes: z.array(EventType).max(OUTBOX_TOPICS.length).optional(),
  })
  .meta({ id: 'UpdateWebhookEndpoint' });

export const EndpointParams = z.strictObject({ endpointId: z.uuid() });

export const EndpointView = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    state: z
      .enum(['enabled', 'paused', 'disabled'])
      .describe('paused by you; disabled by wismo after 410 Gone or a spent retry window'),
    stateReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    secret: z
      .string()
      .optional()
      .describe('The whsec_ signing secret: shown only when the endpoint is created or its secret rotated'),
  })
  .meta({ id: 'WebhookEndpoint' });

export const EndpointList = z.object({ data: z.array(EndpointView) }).meta({ id: 'WebhookEndpointList' });

export const ReplayBody = z
  .strictObject({
    eventId: z.uuid().optional().describe('One event'),
    from: z.iso.datetime({ offset: true }).optional().describe('Or every event since (inclusive)'),
    to: z.iso.datetime({ offset: true }).optional().describe('… and before (exclusive)'),
  })
  .meta({ id: 'ReplayWebhookEvents' });

export const ReplayResult = z
  .object({
    queued: z.number().int().describe('Deliveries queued (held ones wait for resume)'),
    more: z.boolean().describe('More than 10,000 events matched: replay the rest from the last one’s time'),
  })
  .meta({ id: 'ReplayResult' });

export const DeliveriesQuery = z.strictObject({
  status: z.enum(['pending', 'sending', 'delivered', 'failed', 'held']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional().describe('Page on: the last id of the previous page'),
});

export const DeliveryView = z
  .object({
    id: z.number().int(),
    eventId: z.string(),
    type: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export const DeliveryList = z.object({ data: z.array(DeliveryView) }).meta({ id: 'WebhookDeliveryList' });
