import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { realInstant } from './clock.js';
import { type Journey, type JourneyShares, journeyOf } from './journey.js';
import { labelNumber, SANDBOX_EPOCH_MS, SERIALS_PER_SECOND } from './numbers.js';

// What one sandbox process remembers, all in memory: webhook subscriptions, the parcels it pushes updates
// for, and the serials it has handed out. Tracking answers never depend on it (a number is its own
// record), so a restart only forgets subscriptions and which parcels to push.

export interface Subscription {
  id: string;
  /** The API key that subscribed: its parcels are pushed to its subscriptions only. */
  account: string;
  url: string;
  secret: string;
  createdAt: string;
}

export interface CreatedParcel {
  trackingNumber: string;
  labelCreatedAt: string;
}

export interface NotifyParcel {
  trackingNumber: string;
  account: string;
  journey: Journey;
  /** Events already pushed (the first `pushedEvents` of the journey). */
  pushedEvents: number;
  /** When the next event becomes visible (epoch ms): the pusher skips the parcel until then. */
  nextDueMs: number;
}

export class LabelCapacityError extends Error {}

// Serials are handed out going back from the current second, so a big batch gets label times a few seconds
// in the past and never in the future (a future label is not found). A day back is far more than any
// batch needs; older seconds are forgotten.
const SERIAL_MEMORY_SECONDS = 86_400;

export class SandboxState {
  readonly subscriptions = new Map<string, Subscription>();
  readonly notify = new Map<string, NotifyParcel>();
  private readonly usedSerials = new Map<number, number>();
  // Benchmarks poll the same numbers over and over; a journey costs tens of microseconds to rebuild.
  private readonly journeys = new LRUCache<string, Journey>({ max: 50_000 });

  constructor(
    readonly options: { speed: number; shares: JourneyShares },
    readonly now: () => Date = () => new Date(),
  ) {}

  journey(number: string): Journey | null {
    const cached = this.journeys.get(number);
    if (cached) return cached;
    const journey = journeyOf(number, this.options);
    if (journey) this.journeys.set(number, journey);
    return journey;
  }

  /** Subscribes an account's URL, or replaces the secret of the URL it already subscribed. */
  subscribe(account: string, url: string, secret: string): Subscription {
    for (const s of this.subscriptions.values()) {
      if (s.account === account && s.url === url) {
        s.secret = secret;
        return s;
      }
    }
    const subscription: Subscription = {
      id: `wh_${randomBytes(8).toString('hex')}`,
      account,
      url,
      secret,
      createdAt: this.now().toISOString(),
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  unsubscribe(account: string, id: string): boolean {
    const s = this.subscriptions.get(id);
    if (!s || s.account !== account) return false;
    return this.subscriptions.delete(id);
  }

  subscriptionsOf(account: string): Subscription[] {
    return [...this.subscriptions.values()].filter((s) => s.account === account);
  }

  /** Labels created now: distinct numbers, at most 100 a second, spread back over earlier seconds. */
  createParcels(account: string, count: number, notify: boolean): CreatedParcel[] {
    const nowSecond = Math.floor((this.now().getTime() - SANDBOX_EPOCH_MS) / 1000);
    const horizon = nowSecond - SERIAL_MEMORY_SECONDS;
    if (this.usedSerials.size > 2 * SERIAL_MEMORY_SECONDS) {
      for (const second of this.usedSerials.keys()) if (second < horizon) this.usedSerials.delete(second);
    }
    const parcels: CreatedParcel[] = [];
    for (let second = nowSecond; parcels.length < count; second--) {
      if (second < horizon) throw new LabelCapacityError('no free label numbers in the last day');
      const used = this.usedSerials.get(second) ?? 0;
      const take = Math.min(SERIALS_PER_SECOND - used, count - parcels.length);
      if (take <= 0) continue;
      this.usedSerials.set(second, used + take);
      const labelTime = new Date(SANDBOX_EPOCH_MS + second * 1000);
      for (let serial = used; serial < used + take; serial++) {
        const trackingNumber = labelNumber(labelTime, serial);
        parcels.push({ trackingNumber, labelCreatedAt: labelTime.toISOString() });
        if (notify) this.watch(account, trackingNumber);
      }
    }
    return parcels;
  }

  /** Adds a number to the parcels whose updates are pushed to the account's subscriptions. */
  watch(account: string, trackingNumber: string): void {
    const journey = this.journey(trackingNumber);
    if (!journey) return;
    this.notify.set(trackingNumber, {
      trackingNumber,
      account,
      journey,
      pushedEvents: 0,
      nextDueMs: realInstant(journey.labelTime, 0, this.options.speed),
    });
  }
}
