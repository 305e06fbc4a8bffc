import { LRUCache } from 'lru-cache';
import type { CarrierConnection } from '../carrier-connections/carrier-connections.service.js';

// Webhook connections by id, cached: a carrier posting thousands of deliveries costs one query per connection
// per TTL, and an unknown id (a scanner, a deleted connection) costs at most one query per TTL too. A secret
// rotated in another process is seen after the TTL, or at once when a signature fails against a cached entry
// (the intake then reloads it once).

export interface LoadedConnection {
  connection: CarrierConnection | null;
  loadedAt: number;
}

export class WebhookConnections {
  private readonly cache: LRUCache<string, LoadedConnection>;

  constructor(
    private readonly load: (id: string) => Promise<CarrierConnection | null>,
    ttlMs: number,
    max = 10_000,
  ) {
    this.cache = new LRUCache<string, LoadedConnection>({
      max,
      ttl: Math.max(1, ttlMs),
      // Concurrent requests for one id share one query.
      fetchMethod: async (id) => ({ connection: await this.load(id), loadedAt: Date.now() }),
    });
  }

  async get(id: string): Promise<LoadedConnection> {
    return (await this.cache.fetch(id)) as LoadedConnection;
  }

  async reload(id: string): Promise<LoadedConnection> {
    return (await this.cache.fetch(id, { forceRefresh: true })) as LoadedConnection;
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}
