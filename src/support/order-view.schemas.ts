import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from '../http/schemas.js';
import { NotificationLogEntry } from '../notifications/notifications.schemas.js';
import { OrderView } from '../orders/orders.schemas.js';
import { ShipmentView, TrackingEventView } from '../shipments/shipments.schemas.js';

// The agent's view of an order: everything wismo knows about it in one answer.

export const SupportOrderParams = z.strictObject({ orderId: Uuid });

export const SupportEventView = TrackingEventView.extend({
  rawPayloadId: z
    .number()
    .int()
    .nullable()
    .describe(
      'The carrier payload the event was read from; null for events written before payloads were kept',
    ),
  rawPayloadUrl: z.string().nullable().describe('GET it with an agent key for the payload as received'),
}).meta({ id: 'SupportEvent' });

export const ExpectedDelivery = z
  .object({
    date: IsoDate,
    kind: z
      .enum(['carrier', 'predicted', 'promised'])
      .describe(
        'Whose estimate: the carrier’s, wismo’s prediction from the lane’s history, or the storefront’s promise',
      ),
    windowStart: IsoDateTime.nullable(),
    windowEnd: IsoDateTime.nullable(),
  })
  .meta({ id: 'ExpectedDelivery' });

export const SupportShipmentView = ShipmentView.extend({
  carrierName: z.string().describe('The carrier’s name for people'),
  expected: ExpectedDelivery.nullable().describe(
    'The estimate to tell the shopper: the carrier’s, else the predicted one, else the promised date; past dates are left out',
  ),
  refreshUrl: z.string().describe('POST with an agent key to ask the carrier now'),
  events: z.array(SupportEventView).describe('Every carrier event with its decision, newest first'),
}).meta({ id: 'SupportShipment' });

export const SupportWebhookDelivery = z
  .object({
    id: z.number().int(),
    endpointId: Uuid,
    endpointUrl: z
      .string()
      .describe('The endpoint’s origin and path; its query, which may hold a token, is left out'),
    eventId: z.string(),
    type: z.string(),
    subjectId: z.string().nullable().describe('The order or shipment the event is about'),
    sequence: z.number().int().nullable(),
    status: z.string(),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: IsoDateTime,
    createdAt: IsoDateTime,
    deliveredAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'SupportWebhookDelivery' });

export const SuggestedReply = z
  .object({
    locale: z.string().describe('The language it is written in: the shopper’s when wismo speaks it'),
    subject: z.string(),
    text: z.string().describe('Plain text that states the facts, to paste into an email or chat'),
  })
  .meta({ id: 'SuggestedReply' });

export const SupportOrderView = z
  .object({
    order: OrderView.omit({ shipments: true }),
    shipments: z.array(SupportShipmentView),
    notifications: z.array(NotificationLogEntry).describe('Every message to the shopper, oldest first'),
    webhooks: z
      .array(SupportWebhookDelivery)
      .describe('Merchant webhook deliveries of the order’s events, newest first (at most 500)'),
    suggestedReply: SuggestedReply,
  })
  .meta({ id: 'SupportOrderView' });

export type SupportOrderView = z.infer<typeof SupportOrderView>;
export type SupportShipmentView = z.infer<typeof SupportShipmentView>;
export type ExpectedDelivery = z.infer<typeof ExpectedDelivery>;
