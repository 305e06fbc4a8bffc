import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { createMerchant, testConfig } from './helpers/context.js';

let deps: Deps;
beforeAll(() => {
  deps = createDeps(testConfig(), createLogger('silent'), { redis: false });
});
afterAll(() => deps.close());

describe('carrier connections', () => {
  it('keep credentials and webhook secrets encrypted at rest, and open them for the code that needs them', async () => {
    const m = await createMerchant(deps);
    const { connection: created } = await deps.services.carrierConnections.create({
      merchantId: m.id,
      carrier: 'fedex',
      name: 'FedEx main account',
      credentials: { clientId: 'fedex-client-id-123', clientSecret: 'fedex-client-secret-456' },
      webhookSecrets: ['whsec-current-789', 'whsec-previous-000'],
    });
    expect(created.credentials).toEqual({
      clientId: 'fedex-client-id-123',
      clientSecret: 'fedex-client-secret-456',
    });
    expect(created.webhookSecrets.map((s) => s.secret)).toEqual(['whsec-current-789', 'whsec-previous-000']);

    const raw = await deps.db
      .selectFrom('carrier_connections')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const stored = `${raw.credentials_encrypted?.toString('latin1')}${raw.webhook_secrets_encrypted?.toString('latin1')}`;
    for (const secret of [
      'fedex-client-id-123',
      'fedex-client-secret-456',
      'whsec-current-789',
      'whsec-previous-000',
    ]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('cannot be opened with another encryption key, nor by another merchant', async () => {
    const m = await createMerchant(deps);
    const {
      connection: { id },
    } = await deps.services.carrierConnections.create({
      merchantId: m.id,
      carrier: 'ups',
      credentials: { clientId: 'id', clientSecret: 'v' },
    });
    const otherKey = createDeps(
      testConfig({ ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
      createLogger('silent'),
      {
        redis: false,
      },
    );
    try {
      await expect(otherKey.services.carrierConnections.get(m.id, id)).rejects.toThrow();
    } finally {
      await otherKey.close();
    }
    const other = await createMerchant(deps);
    await expect(deps.services.carrierConnections.get(other.id, id)).rejects.toThrow(/not found/);
  });
});
