import { z } from 'zod';
import { CarrierCode } from '../shipments/shipments.schemas.js';

const Secret = z.string().min(8, { message: 'must be at least 8 characters' }).max(500);

export const CreateConnectionBody = z
  .strictObject({
    carrier: CarrierCode,
    name: z.string().max(200).optional().describe('A label, e.g. "EasyPost production"'),
    credentials: z
      .record(z.string().min(1).max(100), z.string().max(4000))
      .optional()
      .describe(
        'API credentials for polling, as the carrier names them (stored encrypted, never shown again)',
      ),
    webhookSecret: Secret.optional().describe(
      'The webhook secret the sender issued (AfterShip; 17TRACK and Shippo with webhookAuth signature). Omit it where wismo issues the secret (EasyPost, FedEx, UPS, the sandbox, URL tokens): it is generated and shown once.',
    ),
    webhookAuth: z
      .enum(['signature', 'url_token'])
      .optional()
      .describe(
        'signature: the sender’s own scheme (the default where its documentation confirms it). url_token: the secret is the last segment of the webhook URL (the default where the scheme is not confirmed, the only choice where the sender signs nothing). docs/carriers.md lists each sender.',
      ),
  })
  .meta({ id: 'CreateCarrierConnection' });

export const AddSecretBody = z
  .strictObject({
    secret: Secret.optional().describe('The new secret the sender issued; omit it to let wismo generate one'),
  })
  .meta({ id: 'AddWebhookSecret' });

export const ConnectionParams = z.strictObject({ connectionId: z.uuid() });
export const SecretParams = ConnectionParams.extend({ secretId: z.string().min(1).max(40) });

export const ConnectionView = z
  .object({
    id: z.uuid(),
    carrier: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    createdAt: z.string(),
    hasCredentials: z.boolean(),
    webhook: z
      .object({
        url: z
          .string()
          .describe('Give this URL to the sender; "{token}" stands for the secret of a url_token connection'),
        auth: z.enum(['signature', 'url_token']),
        scheme: z.string().describe('How deliveries are authenticated'),
        secretIssuedBy: z.enum(['sender', 'wismo']),
        secrets: z
          .array(
            z.object({
              id: z.string(),
              createdAt: z.string(),
              hint: z.string().describe('Last 4 characters'),
            }),
          )
          .describe('Active secrets (at most 2, so one can be rotated without dropping deliveries)'),
      })
      .nullable()
      .describe('null for carriers that do not push'),
    newSecret: z
      .object({ id: z.string(), secret: z.string(), webhookUrl: z.string() })
      .optional()
      .describe('Only in the answer that created it: store it in the sender now, it is not shown again'),
  })
  .meta({ id: 'CarrierConnection' });

export const ConnectionList = z
  .object({ data: z.array(ConnectionView) })
  .meta({ id: 'CarrierConnectionList' });
