import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import type { Deps } from '../../src/deps.js';

/** Signs like the reference Standard Webhooks implementation does (not with the code under test). */
export function standardHeaders(
  secret: string,
  body: string,
  id: string,
  at = new Date(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

export async function createConnection(
  deps: Deps,
  merchantId: string,
  carrier: string,
  opts: { webhookSecret?: string; webhookAuth?: 'signature' | 'url_token' } = {},
) {
  return deps.services.carrierConnections.create({ merchantId, carrier, ...opts });
}

export function post(
  app: FastifyInstance,
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
) {
  return app.inject({ method: 'POST', url, payload: body, headers });
}

/** Waits until the payloads are no longer pending (the worker processed them), or fails after `ms`. */
export async function waitProcessed(deps: Deps, connectionId: string, count: number, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const rows = await deps.db
      .selectFrom('raw_payloads')
      .select(['id', 'state', 'last_error'])
      .where('connection_id', '=', connectionId)
      .execute();
    if (rows.length >= count && rows.every((r) => r.state !== 'pending')) return rows;
    if (Date.now() > until) throw new Error(`payloads still pending: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
