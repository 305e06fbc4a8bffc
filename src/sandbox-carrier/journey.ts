import { type City, COUNTRIES, type Country, citiesOf, countryOf, distanceKm, hubsOf } from './cities.js';
import { instantOfLocal, zoneOffsetMinutes } from './clock.js';
import { decodeNumber } from './numbers.js';
import { Rng, seedOf } from './random.js';

// A parcel's whole story, written in sandbox time (minutes after its label) from its number alone. Times of
// day follow a carrier's rhythm in each place's own zone: afternoon pickups, night line-hauls, morning
// rounds, no deliveries on Sundays. The clock (clock.ts) decides how much of it is visible at a real instant.

export type SandboxEventCode =
  | 'LC'
  | 'PU'
  | 'DP'
  | 'AR'
  | 'CC'
  | 'DL'
  | 'WX'
  | 'OD'
  | 'AF'
  | 'PP'
  | 'DV'
  | 'DS'
  | 'AI'
  | 'LS'
  | 'DM'
  | 'RT'
  | 'RD'
  | 'CA';

/** Shares (0..1) of journeys with each twist. Returns, failed attempts and pickups exclude each other. */
export interface JourneyShares {
  delays: number;
  failedAttempts: number;
  pickups: number;
  exceptions: number;
  returns: number;
}

export const DEFAULT_SHARES: JourneyShares = {
  delays: 0.15,
  failedAttempts: 0.1,
  pickups: 0.1,
  exceptions: 0.05,
  returns: 0.03,
};

export interface JourneyOptions {
  shares: JourneyShares;
}

export type Outcome = 'delivered' | 'returned' | 'lost';

export interface JourneyEvent {
  code: SandboxEventCode;
  description: string;
  offsetMinutes: number;
  city: City;
  signedBy?: string;
}

/** The delivery estimate a carrier shows from `fromOffsetMinutes` on; null once none is promised. */
export interface Estimate {
  fromOffsetMinutes: number;
  deliveryOffsetMinutes: number | null;
  window: { startOffsetMinutes: number; endOffsetMinutes: number } | null;
}

export interface Journey {
  trackingNumber: string;
  labelTime: Date;
  service: string;
  pieces: number;
  origin: City;
  destination: City;
  hubs: readonly City[];
  events: JourneyEvent[];
  /** The first promise, shown from the label on. */
  plannedDeliveryOffsetMinutes: number;
  estimates: Estimate[];
  outcome: Outcome;
  signedBy: string | null;
}

export const FINAL_CODES: Readonly<Record<Outcome, readonly SandboxEventCode[]>> = {
  delivered: ['DV', 'DS'],
  returned: ['RD'],
  lost: ['LS'],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const QUARTER = 15 * MINUTE;

// Most parcels stay in their country; of those that cross a border most stay on their continent.
const CROSS_BORDER_SHARE = 0.12;
const OTHER_CONTINENT_SHARE = 0.15;
const EXPRESS_SHARE = 0.25;
const SIGNED_SHARE = { 'Sandbox Ground': 0.2, 'Sandbox Express': 0.5, 'Sandbox International': 0.4 };
const REDELIVERY_SHARE = 0.55;
const WEATHER_SHARE_OF_DELAYS = 0.35;

type Days = 'all' | 'mon-sat' | 'mon-fri';
type Ending = 'home' | 'failed' | 'pickup' | 'return';
type ExceptionKind = 'AI' | 'DM' | 'LS';

/**
 * A random instant at or after `after` inside the local window [from, to) (minutes after midnight; `to` may
 * pass midnight for night windows) of the first day it is open. The day before is tried too, so an arrival
 * at 01:00 still catches the window that opened at 21:00.
 */
function nextWindow(
  after: number,
  zone: string,
  from: number,
  to: number,
  rng: Rng,
  days: Days = 'all',
): number {
  let day = Math.floor((after + zoneOffsetMinutes(zone, after) * MINUTE) / DAY) - 1;
  for (let i = 0; i < 10; i++, day++) {
    // Day 0 (1970-01-01) was a Thursday: ISO weekday 4.
    const weekday = ((day + 3) % 7) + 1;
    if ((days === 'mon-sat' && weekday === 7) || (days === 'mon-fri' && weekday >= 6)) continue;
    const start = instantOfLocal(zone, day * DAY + from * MINUTE);
    const end = instantOfLocal(zone, day * DAY + to * MINUTE);
    const lo = Math.max(start, after);
    if (lo < end) return lo + Math.floor(rng.next() * (end - lo));
  }
  return after;
}

const hm = (h: number, m = 0) => h * 60 + m;

class Builder {
  readonly events: JourneyEvent[] = [];
  private notBefore = 0;

  constructor(
    readonly labelMs: number,
    readonly rng: Rng,
  ) {}

  get lastMs(): number {
    const last = this.events.at(-1);
    return last ? this.labelMs + last.offsetMinutes * MINUTE : this.labelMs;
  }

  /** The earliest the next step may start, `gapMinutes` after the last scan or the end of a hold. */
  after(gapMinutes: number): number {
    return Math.max(this.lastMs, this.notBefore) + gapMinutes * MINUTE;
  }

  hold(untilMs: number): void {
    this.notBefore = untilMs;
  }

  // Offsets are whole minutes and strictly increase, whatever the windows gave.
  add(
    code: SandboxEventCode,
    description: string,
    atMs: number,
    city: City,
    signedBy?: string,
  ): JourneyEvent {
    const previous = this.events.at(-1)?.offsetMinutes ?? -1;
    const offsetMinutes = Math.max(previous + 1, Math.round((atMs - this.labelMs) / MINUTE));
    const event: JourneyEvent = { code, description, offsetMinutes, city, ...(signedBy ? { signedBy } : {}) };
    this.events.push(event);
    return event;
  }

  offsetOf(ms: number): number {
    return Math.round((ms - this.labelMs) / MINUTE);
  }
}

/**
 * Hours between two places: trucks at road speed plus loading; planes beyond a few hundred kilometres for
 * express services, and always over oceans or across a continent.
 */
function travelHours(from: City, to: City, air: boolean, rng: Rng): number {
  const km = distanceKm(from, to);
  const flying = km > 3000 || (air && km > 700);
  return flying ? rng.between(3, 8) + km / 800 : rng.between(0.5, 2) + km / 65;
}

/** The hub of a country nearest a place (the place itself when it is a hub). */
function nearestHub(countryCode: string, to: City): City {
  const hubs = hubsOf(countryCode);
  return hubs.reduce((best, h) => (distanceKm(h, to) < distanceKm(best, to) ? h : best), hubs[0] as City);
}

/**
 * Up to `extra` hubs between two hubs that lengthen the trip by little, in the order met on the way: a
 * parcel may pass a regional hub but does not tour the country.
 */
function hubsBetween(rng: Rng, first: City, last: City, extra: number): City[] {
  if (extra <= 0 || first === last) return [];
  const direct = distanceKm(first, last);
  const onTheWay = hubsOf(first.countryCode).filter(
    (h) => h !== first && h !== last && distanceKm(first, h) + distanceKm(h, last) <= direct * 1.3 + 150,
  );
  return pickDistinct(rng, onTheWay, extra).sort((a, b) => distanceKm(first, a) - distanceKm(first, b));
}

function pickCountry(rng: Rng, countries: readonly Country[]): Country {
  return rng.weighted(countries, (c) => c.weight);
}

function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < n && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0] as T);
  }
  return chosen;
}

export function journeyOf(number: string, options: JourneyOptions): Journey | null {
  const decoded = decodeNumber(number);
  if (!decoded) return null;
  const rng = new Rng(seedOf(number));
  const shares = options.shares;

  // The twists are drawn first and in a fixed order, so each share is observed as configured whatever the
  // rest of the draw does.
  const u = rng.next();
  const ending: Ending =
    u < shares.returns
      ? 'return'
      : u < shares.returns + shares.failedAttempts
        ? 'failed'
        : u < shares.returns + shares.failedAttempts + shares.pickups
          ? 'pickup'
          : 'home';
  const delayed = rng.chance(shares.delays);
  const exceptionRoll = rng.next();
  const exception: ExceptionKind | null = rng.chance(shares.exceptions)
    ? exceptionRoll < 0.55
      ? 'AI'
      : exceptionRoll < 0.9
        ? 'DM'
        : 'LS'
    : null;

  const originCountry = pickCountry(rng, COUNTRIES);
  let destCountry = originCountry;
  if (rng.chance(CROSS_BORDER_SHARE)) {
    const otherContinent = rng.chance(OTHER_CONTINENT_SHARE);
    const candidates = COUNTRIES.filter(
      (c) => c.code !== originCountry.code && (c.continent === originCountry.continent) !== otherContinent,
    );
    destCountry = pickCountry(rng, candidates);
  }
  const crossBorder = destCountry !== originCountry;
  const origin = rng.pick(citiesOf(originCountry.code));
  const destination = rng.pick(citiesOf(destCountry.code).filter((c) => c !== origin));

  const service = crossBorder
    ? 'Sandbox International'
    : rng.chance(EXPRESS_SHARE)
      ? 'Sandbox Express'
      : 'Sandbox Ground';
  const express = service !== 'Sandbox Ground';
  // Collected into the hub nearest the sender, handed over from the hub nearest the recipient; a border is
  // crossed between the two countries' hubs, where the parcel clears customs on arrival.
  const firstHub = nearestHub(originCountry.code, origin);
  const lastHub = nearestHub(destCountry.code, destination);
  const hubs = crossBorder
    ? [firstHub, ...new Set([nearestHub(destCountry.code, firstHub), lastHub])]
    : [
        ...new Set([
          firstHub,
          ...hubsBetween(rng, firstHub, lastHub, rng.chance(express ? 0.3 : 0.6) ? 1 : 0),
          lastHub,
        ]),
      ];
  const pieces = rng.chance(0.85) ? 1 : rng.chance(0.65) ? 2 : 3;
  const signed = rng.chance(SIGNED_SHARE[service]);
  const signer = `${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(destCountry.surnames)}`;

  const b = new Builder(decoded.labelTime.getTime(), rng);

  const arrive = (from: City, to: City, description: string, quick: boolean) => {
    // Line-hauls leave at night; an express parcel only passing through a hub takes the next connection.
    const departure = quick
      ? b.after(rng.int(60, 180))
      : nextWindow(b.after(45), from.zone, hm(21), hm(26), rng);
    b.add('DP', 'Departed facility', departure, from);
    b.add('AR', description, b.lastMs + travelHours(from, to, express, rng) * HOUR, to);
    if (countryOf(from.countryCode).customsArea !== countryOf(to.countryCode).customsArea) {
      b.add('CC', 'Import customs clearance in progress', b.after(rng.int(30, 180)), to);
      b.add('CC', 'Released by customs', b.lastMs + rng.between(2, 30) * HOUR, to);
    }
  };

  b.add('LC', 'Shipping label created', b.labelMs, origin);
  b.add('PU', 'Picked up', nextWindow(b.after(30), origin.zone, hm(13), hm(18, 30), rng, 'mon-sat'), origin);
  // The collection van drives to the hub; it does not scan a departure.
  b.add('AR', 'Arrived at hub', b.lastMs + travelHours(origin, firstHub, false, rng) * HOUR, firstHub);

  const delayAt = delayed ? rng.int(0, hubs.length - 1) : -1;
  const damageAt = exception === 'DM' ? rng.int(0, hubs.length - 1) : -1;
  let delayDays = 0;
  let delayEvent: JourneyEvent | null = null;
  hubs.forEach((hub, i) => {
    if (i > 0) arrive(hubs[i - 1] as City, hub, 'Arrived at hub', express && i > 1);
    if (i === damageAt) {
      b.add('DM', 'Packaging damaged in handling: parcel repackaged', b.after(rng.int(20, 90)), hub);
    }
    if (i === delayAt) {
      const weather = rng.chance(WEATHER_SHARE_OF_DELAYS);
      delayEvent = b.add(
        weather ? 'WX' : 'DL',
        weather
          ? 'Weather delay: severe weather is disrupting transport'
          : 'Delayed: operational backlog at facility',
        b.after(rng.int(30, 240)),
        hub,
      );
      delayDays = rng.int(1, 2);
      b.hold(b.lastMs + delayDays * DAY);
    }
  });
  if (lastHub !== destination) arrive(lastHub, destination, 'Arrived at delivery facility', false);
  const transitEnd = b.events.length;

  let aiEvent: JourneyEvent | null = null;
  if (exception === 'AI') {
    aiEvent = b.add(
      'AI',
      'Address incomplete: we are contacting the recipient',
      b.after(rng.int(30, 150)),
      destination,
    );
    b.hold(b.lastMs + 16 * HOUR);
  }

  const estimates: Estimate[] = [];
  const signedBy = signed ? signer : null;
  const outForDelivery = () =>
    b.add(
      'OD',
      'Out for delivery',
      nextWindow(b.after(20), destination.zone, hm(6, 45), hm(9, 30), rng, 'mon-sat'),
      destination,
    );
  const roundTime = () => nextWindow(b.after(45), destination.zone, hm(9), hm(19), rng, 'mon-sat');
  const promiseOnRound = (od: JourneyEvent, attemptMs: number) =>
    estimates.push({
      fromOffsetMinutes: od.offsetMinutes,
      deliveryOffsetMinutes: b.offsetOf(attemptMs),
      window: deliveryWindow(b, od, attemptMs, rng),
    });
  const deliverTo = (od: JourneyEvent) => {
    const at = roundTime();
    promiseOnRound(od, at);
    const dv = signedBy
      ? b.add('DS', `Delivered, signed for by ${signedBy}`, at, destination, signedBy)
      : b.add('DV', 'Delivered', at, destination);
    estimates.push({ fromOffsetMinutes: dv.offsetMinutes, deliveryOffsetMinutes: null, window: null });
    return at;
  };
  const collect = (pp: JourneyEvent) => {
    estimates.push({ fromOffsetMinutes: pp.offsetMinutes, deliveryOffsetMinutes: null, window: null });
    const at = nextWindow(
      b.lastMs + rng.between(2, 72) * HOUR,
      destination.zone,
      hm(10),
      hm(19, 30),
      rng,
      'mon-sat',
    );
    b.add('DV', 'Collected from pickup point', at, destination);
  };

  let firstAttemptMs: number;
  let outcome: Outcome = 'delivered';
  if (ending === 'home') {
    firstAttemptMs = deliverTo(outForDelivery());
  } else if (ending === 'pickup') {
    firstAttemptMs = nextWindow(b.after(60), destination.zone, hm(8), hm(12), rng, 'mon-sat');
    collect(b.add('PP', 'Delivered to pickup point: ready for collection', firstAttemptMs, destination));
  } else {
    const od = outForDelivery();
    firstAttemptMs = roundTime();
    promiseOnRound(od, firstAttemptMs);
    if (ending === 'failed') {
      const redeliver = rng.chance(REDELIVERY_SHARE);
      const af = b.add(
        'AF',
        redeliver
          ? 'Delivery attempted: recipient not available, we will try again'
          : 'Delivery attempted: recipient not available, parcel taken to a pickup point',
        firstAttemptMs,
        destination,
      );
      if (redeliver) {
        const at = deliverTo(outForDelivery());
        estimates.push({
          fromOffsetMinutes: af.offsetMinutes,
          deliveryOffsetMinutes: b.offsetOf(at),
          window: null,
        });
      } else {
        estimates.push({ fromOffsetMinutes: af.offsetMinutes, deliveryOffsetMinutes: null, window: null });
        const at = nextWindow(b.after(12 * 60), destination.zone, hm(9), hm(12), rng, 'mon-sat');
        collect(b.add('PP', 'Available for collection at pickup point', at, destination));
      }
    } else {
      const af1 = b.add(
        'AF',
        'Delivery attempted: recipient not available, we will try again',
        firstAttemptMs,
        destination,
      );
      const od2 = outForDelivery();
      const second = roundTime();
      promiseOnRound(od2, second);
      estimates.push({
        fromOffsetMinutes: af1.offsetMinutes,
        deliveryOffsetMinutes: b.offsetOf(second),
        window: null,
      });
      const af2 = b.add(
        'AF',
        'Second delivery attempt failed: parcel will be returned to sender',
        second,
        destination,
      );
      estimates.push({ fromOffsetMinutes: af2.offsetMinutes, deliveryOffsetMinutes: null, window: null });
      b.add(
        'RT',
        'Returning to sender',
        nextWindow(b.after(12 * 60), destination.zone, hm(8), hm(12), rng, 'mon-sat'),
        destination,
      );
      const back = [...hubs].reverse();
      if (lastHub !== destination) arrive(destination, lastHub, 'Arrived at hub', false);
      back.forEach((hub, i) => {
        if (i > 0) arrive(back[i - 1] as City, hub, 'Arrived at hub', false);
      });
      if (firstHub !== origin) arrive(firstHub, origin, 'Arrived at delivery facility', false);
      b.add(
        'RD',
        'Returned to sender',
        nextWindow(b.after(60), origin.zone, hm(9), hm(17), rng, 'mon-fri'),
        origin,
      );
      outcome = 'returned';
    }
  }

  // The first promise knew nothing of the twists: each pushes it by the days it cost.
  const aiDays = aiEvent ? 1 : 0;
  const planned = b.offsetOf(firstAttemptMs - (delayDays + aiDays) * DAY);
  estimates.push({ fromOffsetMinutes: 0, deliveryOffsetMinutes: planned, window: null });
  const delay = delayEvent as JourneyEvent | null;
  if (delay) {
    estimates.push({
      fromOffsetMinutes: delay.offsetMinutes,
      deliveryOffsetMinutes: b.offsetOf(firstAttemptMs - aiDays * DAY),
      window: null,
    });
  }
  if (aiEvent) {
    estimates.push({
      fromOffsetMinutes: aiEvent.offsetMinutes,
      deliveryOffsetMinutes: b.offsetOf(firstAttemptMs),
      window: null,
    });
  }

  let events = b.events;
  if (exception === 'LS') {
    // The parcel vanishes after a scan in transit; the carrier declares it lost after a search of some days.
    const cut = rng.int(1, transitEnd - 1);
    events = events.slice(0, cut + 1);
    const lastScan = events[cut] as JourneyEvent;
    const lastMs = b.labelMs + lastScan.offsetMinutes * MINUTE;
    const lostAt = nextWindow(
      lastMs + rng.int(3, 7) * DAY,
      lastScan.city.zone,
      hm(9),
      hm(17),
      rng,
      'mon-fri',
    );
    const ls: JourneyEvent = {
      code: 'LS',
      description: 'Parcel could not be located and is declared lost',
      offsetMinutes: Math.max(lastScan.offsetMinutes + 1, b.offsetOf(lostAt)),
      city: lastScan.city,
    };
    events.push(ls);
    outcome = 'lost';
    const kept = estimates.filter((e) => e.fromOffsetMinutes <= lastScan.offsetMinutes);
    estimates.length = 0;
    estimates.push(...kept, {
      fromOffsetMinutes: ls.offsetMinutes,
      deliveryOffsetMinutes: null,
      window: null,
    });
  }
  estimates.sort((x, y) => x.fromOffsetMinutes - y.fromOffsetMinutes);

  const delivered = events.at(-1);
  return {
    trackingNumber: number,
    labelTime: decoded.labelTime,
    service,
    pieces,
    origin,
    destination,
    hubs,
    events,
    plannedDeliveryOffsetMinutes: planned,
    estimates,
    outcome,
    signedBy: delivered?.code === 'DS' ? (delivered.signedBy ?? null) : null,
  };
}

/** A window of two to four hours around the round's stop, on quarter hours, never before the van leaves. */
function deliveryWindow(b: Builder, od: JourneyEvent, attemptMs: number, rng: Rng) {
  const odMs = b.labelMs + od.offsetMinutes * MINUTE;
  const start = Math.max(
    Math.ceil(odMs / QUARTER) * QUARTER,
    Math.floor((attemptMs - rng.int(15, 150) * MINUTE) / QUARTER) * QUARTER,
  );
  const end = Math.max(
    start + rng.int(2, 4) * HOUR,
    Math.ceil((attemptMs + 15 * MINUTE) / QUARTER) * QUARTER,
  );
  return { startOffsetMinutes: b.offsetOf(start), endOffsetMinutes: b.offsetOf(end) };
}
