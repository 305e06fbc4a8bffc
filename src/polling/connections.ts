import { LRUCache } from 'lru-cache';
import type {
  CarrierConnection,
  CarrierConnectionsService,
} from '../carrier-connections/carrier-connections.service.js';
import { getAdapter } from '../carriers/registry.js';
import { NotFoundError } from '../errors.js';

// Which of a merchant's connections polls a shipment: its own carrier's, when wismo can poll that carrier
// and the merchant gave credentials; else the merchant's first aggregator (AfterShip, EasyPost, 17TRACK)
// with credentials, which tracks other carriers' numbers too. None: the shipment waits for one.

export interface PollRoute {
  connectionId: string;
  /** The carrier or aggregator whose API is asked. */
  carrier: string;
}

export class PollConnections {
  /** Opened connections (credentials in clear) by id, briefly: jobs of one connection come in runs. */
  private readonly opened: LRUCache<string, CarrierConnection>;

  constructor(
    private readonly connections: CarrierConnectionsService,
    ttlMs = 30_000,
  ) {
    this.opened = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs) });
    connections.onChange((id) => this.opened.delete(id));
  }

  /** For each merchant, the route of each carrier asked about (absent: nothing can poll it). */
  async routes(pairs: readonly { merchantId: string; carrier: string }[]): Promise<Map<string, PollRoute>> {
    const merchants = [...new Set(pairs.map((p) => p.merchantId))];
    const all = await this.connections.pollable(merchants);
    const byMerchant = new Map<string, typeof all>();
    for (const c of all) byMerchant.set(c.merchantId, [...(byMerchant.get(c.merchantId) ?? []), c]);
    const out = new Map<string, PollRoute>();
    for (const { merchantId, carrier } of pairs) {
      const key = routeKey(merchantId, carrier);
      if (out.has(key)) continue;
      const mine = byMerchant.get(merchantId) ?? [];
      const direct = getAdapter(carrier)?.poll ? mine.find((c) => c.carrier === carrier) : undefined;
      const via =
        direct ??
        mine.find((c) => {
          const a = getAdapter(c.carrier);
          return a?.kind === 'aggregator' && a.poll !== undefined;
        });
      if (via) out.set(key, { connectionId: via.id, carrier: via.carrier });
    }
    return out;
  }

  /** The connection with its credentials; null when it is gone or disabled. */
  async open(merchantId: string, id: string): Promise<CarrierConnection | null> {
    const cached = this.opened.get(id);
    if (cached) return cached.enabled && cached.merchantId === merchantId ? cached : null;
    const c = await this.connections.get(merchantId, id).catch((err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (c) this.opened.set(id, c);
    return c?.enabled ? c : null;
  }
}

export const routeKey = (merchantId: string, carrier: string) => `${merchantId}\u0000${carrier}`;
