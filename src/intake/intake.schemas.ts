import { z } from 'zod';
import { ADAPTERS } from '../carriers/registry.js';

/** Carriers that push: the only ones with a webhook URL. */
export const PUSHING_CARRIERS = ADAPTERS.filter((a) => a.webhook).map((a) => a.code);

export const WebhookParams = z.strictObject({
  carrier: z
    .string()
    .min(1)
    .max(40)
    .describe(`One of ${PUSHING_CARRIERS.join(', ')}`),
  connectionId: z.string().min(1).max(64).describe('The carrier connection the URL belongs to'),
});

export const WebhookTokenParams = WebhookParams.extend({
  token: z.string().min(1).max(200).describe('The secret token of a connection authenticated by URL'),
});

export const WebhookAccepted = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean().describe('true when this delivery was already stored: it is not stored again'),
  })
  .meta({ id: 'WebhookAccepted' });
