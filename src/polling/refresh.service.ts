import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { CarrierFailedError, ConflictError, NotFoundError, TooManyRequestsError } from '../errors.js';
import type { JsonText } from '../lib/json-text.js';
import type { ShipmentsService } from '../shipments/shipments.service.js';
import type { NormalizeService } from '../tracking/normalize.service.js';
import type { TrackingRepository } from '../tracking/tracking.repository.js';
import type { PollConnections } from './connections.js';
import { type PollService, SlowDown } from './poll.service.js';
import type { PollingRepository } from './polling.repository.js';

// A forced refresh (an agent on the phone, a shopper pressing "refresh"): the carrier is asked now, on the
// caller's time, and its answer normalized before the answer, which is the shipment as it is then. The claim
// makes a scheduled poll of the same shipment running meanwhile drop it rather than ask twice.

export class RefreshService {
  constructor(
    private readonly repo: PollingRepository,
    private readonly tracking: TrackingRepository,
    private readonly connections: PollConnections,
    private readonly polls: PollService,
    private readonly normalize: NormalizeService,
    private readonly shipments: ShipmentsService,
    private readonly settings: Config['polling'],
    private readonly redis: Redis | null,
    private readonly prefix: string,
  ) {}

  async refresh(merchantId: string, shipmentId: string): Promise<JsonText> {
    const [shipment] = await this.tracking.shipmentsByIds([shipmentId]);
    if (!shipment || shipment.merchantId !== merchantId) throw new NotFoundError(`Shipment ${shipmentId}`);
    const route = (await this.connections.routes([{ merchantId, carrier: shipment.carrierCode }])).get(
      `${merchantId}\u0000${shipment.carrierCode}`,
    );
    if (!route) {
      throw new ConflictError(
        `Nothing can poll this ${shipment.carrierCode} shipment: add a carrier connection with API credentials for ${shipment.carrierCode} (or an aggregator) first.`,
      );
    }
    await this.limit(shipment.id);
    const claim = `refresh-${randomBytes(9).toString('base64url')}`;
    await this.repo.claimOne(shipment.id, this.settings.leaseMs, claim);
    let outcome: Awaited<ReturnType<PollService['run']>>;
    try {
      outcome = await this.polls.run(
        {
          claim,
          merchantId,
          connectionId: route.connectionId,
          carrier: route.carrier,
          items: [
            {
              shipmentId: shipment.id,
              trackingNumber: shipment.trackingNumber,
              carrier: shipment.carrierCode,
            },
          ],
        },
        { enqueue: false },
      );
    } catch (err) {
      if (!(err instanceof SlowDown)) throw err;
      // Nothing was asked: the scheduler takes the shipment up again when its claim lapses; give it back now.
      await this.repo.reschedule([{ shipmentId: shipment.id, dueAt: new Date() }], { resetNotFound: false });
      throw new CarrierFailedError(
        `${route.carrier}: ${err.message}; try again later`,
        Math.ceil(err.ms / 1000),
      );
    }
    if (outcome.skipped === 'no_connection') {
      throw new ConflictError(
        'The carrier connection that polls this shipment is disabled or has no credentials.',
      );
    }
    if (outcome.failed) throw new CarrierFailedError(`${route.carrier}: ${outcome.failed}`);
    if (outcome.payloadIds.length > 0) await this.normalize.normalizePayloads(outcome.payloadIds);
    return this.shipments.get(merchantId, shipment.id);
  }

  /**
   * Each shipment at most once per interval, whoever asks (the carrier's quota is the merchant's). Checked
   * after the shipment is known to be the caller's, so nobody spends another merchant's budget. Without
   * Redis the refresh goes ahead: the carrier's own rate limit still holds.
   */
  private async limit(shipmentId: string): Promise<void> {
    const redis = this.redis;
    if (redis?.status !== 'ready') return;
    const key = `${this.prefix}:refresh:${shipmentId}`;
    const set = await redis.set(key, '1', 'PX', this.settings.refreshMinIntervalMs, 'NX');
    if (set === 'OK') return;
    const left = await redis.pttl(key);
    throw new TooManyRequestsError(Math.max(1, Math.ceil(left / 1000)));
  }
}
