import { IANAZone } from 'luxon';

// Sandbox time runs `speed` times faster than real time from each label on: an event `offsetMinutes` after
// its label happens at label + offset / speed in real time. Times are written at that real instant, so a
// document never holds a time in the future, whatever the speed, and wismo's clocks need no faking.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The real instant (epoch ms) a point `offsetMinutes` of sandbox time after the label is reached. */
export function realInstant(labelTime: Date, offsetMinutes: number, speed: number): number {
  return labelTime.getTime() + Math.floor((offsetMinutes * MINUTE) / speed);
}

export function isVisible(labelTime: Date, offsetMinutes: number, speed: number, now: Date): boolean {
  return realInstant(labelTime, offsetMinutes, speed) <= now.getTime();
}

// luxon asks Intl for every offset (microseconds each), and a benchmark polls thousands of documents a
// second. Every zone in cities.ts changes offset on a whole UTC hour, so one lookup per zone and hour is
// exact; the cache is dropped whole when it grows, which costs one lookup per entry to refill.
const offsets = new Map<string, Map<number, number>>();
let cached = 0;
const CACHE_LIMIT = 200_000;

/** The zone's offset from UTC at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let byHour = offsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone, byHour);
  }
  let offset = byHour.get(hour);
  if (offset === undefined) {
    if (cached >= CACHE_LIMIT) {
      for (const m of offsets.values()) m.clear();
      cached = 0;
    }
    offset = IANAZone.create(zone).offset(hour * HOUR);
    byHour.set(hour, offset);
    cached++;
  }
  return offset;
}

/** The instant a wall-clock time (epoch ms as if the zone were UTC) happens in the zone. */
export function instantOfLocal(zone: string, localMs: number): number {
  const guess = localMs - zoneOffsetMinutes(zone, localMs) * MINUTE;
  return localMs - zoneOffsetMinutes(zone, guess) * MINUTE;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the UTC offset the zone has at that instant (milliseconds only when there are any). */
export function writeInstant(ms: number, zone: string): string {
  const offset = zoneOffsetMinutes(zone, ms);
  const local = new Date(ms + offset * MINUTE).toISOString();
  const clock = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  const abs = Math.abs(offset);
  return `${clock}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function writeDate(ms: number, zone: string): string {
  return new Date(ms + zoneOffsetMinutes(zone, ms) * MINUTE).toISOString().slice(0, 10);
}

/** "one real minute is 12 hours of sandbox time", for the start-up line. */
export function describeSpeed(speed: number): string {
  const round = (v: number) => Number(v.toFixed(2));
  const amount =
    speed < 1
      ? `${round(speed * 60)} seconds`
      : speed < 120
        ? `${round(speed)} minutes`
        : speed < 2880
          ? `${round(speed / 60)} hours`
          : `${round(speed / 1440)} days`;
  return `one real minute is ${amount} of sandbox time`;
}
