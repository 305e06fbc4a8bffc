import { describe, expect, it } from 'vitest';
import { SANDBOX_CODES } from '../carriers/sandbox/codes.js';
import { DEFAULT_SHARES, FINAL_CODES, type Journey, journeyOf } from './journey.js';
import { labelNumber } from './numbers.js';

// 2000 labels a few minutes apart over two months, so journeys start on every weekday and hour.
const START = Date.UTC(2026, 2, 1, 0, 0, 7);
const numbers = Array.from({ length: 2000 }, (_, i) => labelNumber(new Date(START + i * 2_617_000), i % 100));
const journeys = numbers.map((n) => journeyOf(n, { shares: DEFAULT_SHARES }) as Journey);
const has = (j: Journey, ...codes: string[]) => j.events.some((e) => codes.includes(e.code));
const share = (test: (j: Journey) => boolean) => journeys.filter(test).length / journeys.length;

describe('journeys', () => {
  it('are plausible: increasing offsets, known codes, a label first, a final state of the outcome last', () => {
    for (const j of journeys) {
      expect(j.events[0]?.code).toBe('LC');
      expect(j.events[0]?.offsetMinutes).toBe(0);
      for (let i = 1; i < j.events.length; i++) {
        expect(j.events[i]?.offsetMinutes).toBeGreaterThan(j.events[i - 1]?.offsetMinutes as number);
      }
      for (const e of j.events) expect(Object.keys(SANDBOX_CODES.rules)).toContain(e.code);
      const last = j.events.at(-1);
      expect(FINAL_CODES[j.outcome]).toContain(last?.code);
      // Only the last event is final: nothing happens to a parcel after it is delivered, returned or lost.
      expect(j.events.slice(0, -1).filter((e) => ['DV', 'DS', 'RD', 'LS'].includes(e.code))).toEqual([]);
      if (j.outcome === 'delivered') expect(last?.city).toBe(j.destination);
      if (j.outcome === 'returned') expect(last?.city).toBe(j.origin);
      expect(j.hubs.length).toBeGreaterThanOrEqual(1);
      expect(j.hubs.length).toBeLessThanOrEqual(3);
      expect(j.estimates[0]).toMatchObject({ fromOffsetMinutes: 0 });
      expect(j.plannedDeliveryOffsetMinutes).toBeGreaterThan(0);
    }
  });

  it('clear customs only when crossing customs areas', () => {
    const eu = ['FR', 'DE', 'NL', 'BE', 'ES', 'IT', 'PL'];
    for (const j of journeys) {
      const [a, b] = [j.origin.countryCode, j.destination.countryCode];
      const needsCustoms = a !== b && !(eu.includes(a) && eu.includes(b));
      // A parcel lost before the border never reaches customs.
      if (j.outcome !== 'lost') expect(has(j, 'CC')).toBe(needsCustoms);
    }
    expect(share((j) => j.origin.countryCode !== j.destination.countryCode)).toBeGreaterThan(0.05);
    expect(share((j) => has(j, 'CC'))).toBeGreaterThan(0.02);
  });

  it('deliver in the morning round, never on a Sunday, with a window around the stop', () => {
    for (const j of journeys) {
      for (const e of j.events.filter((x) => x.code === 'OD')) {
        const local = new Date(
          j.labelTime.getTime() + e.offsetMinutes * 60_000 + zoneOffset(e.city.zone, j, e.offsetMinutes),
        );
        expect(local.getUTCHours()).toBeGreaterThanOrEqual(6);
        expect(local.getUTCHours()).toBeLessThan(10);
        expect(local.getUTCDay()).not.toBe(0);
      }
      for (const est of j.estimates.filter((x) => x.window)) {
        const w = est.window as { startOffsetMinutes: number; endOffsetMinutes: number };
        expect(w.startOffsetMinutes).toBeLessThanOrEqual(est.deliveryOffsetMinutes as number);
        expect(w.endOffsetMinutes).toBeGreaterThan(est.deliveryOffsetMinutes as number);
      }
    }
  });

  it('show each twist in about its configured share', () => {
    const s = DEFAULT_SHARES;
    expect(Math.abs(share((j) => has(j, 'DL', 'WX')) - s.delays)).toBeLessThan(0.03);
    expect(Math.abs(share((j) => has(j, 'AF') && !has(j, 'RT')) - s.failedAttempts)).toBeLessThan(0.025);
    expect(Math.abs(share((j) => has(j, 'PP') && !has(j, 'AF')) - s.pickups)).toBeLessThan(0.025);
    expect(Math.abs(share((j) => has(j, 'RT')) - s.returns)).toBeLessThan(0.015);
    expect(Math.abs(share((j) => has(j, 'AI', 'DM', 'LS')) - s.exceptions)).toBeLessThan(0.015);
    expect(share((j) => j.outcome === 'returned')).toBe(share((j) => has(j, 'RT')));
    expect(share((j) => j.outcome === 'lost')).toBeLessThan(0.02);
    expect(share((j) => has(j, 'DS'))).toBeGreaterThan(0.1);
  });

  it('follow the shares they are given', () => {
    const none = { delays: 0, failedAttempts: 0, pickups: 0, exceptions: 0, returns: 0 };
    const plain = numbers.slice(0, 300).map((n) => journeyOf(n, { shares: none }) as Journey);
    for (const j of plain) {
      expect(j.outcome).toBe('delivered');
      expect(
        j.events.filter((e) => ['DL', 'WX', 'AF', 'PP', 'AI', 'DM', 'LS', 'RT'].includes(e.code)),
      ).toEqual([]);
      // Without twists the first promise is kept.
      expect(j.events.at(-1)?.offsetMinutes).toBe(j.plannedDeliveryOffsetMinutes);
    }
    const all = { ...none, returns: 1 };
    expect(numbers.slice(0, 100).every((n) => journeyOf(n, { shares: all })?.outcome === 'returned')).toBe(
      true,
    );
  });

  it('push the estimate when a delay is scanned, by whole days', () => {
    for (const j of journeys.filter(
      (x) => has(x, 'DL', 'WX') && x.outcome === 'delivered' && !has(x, 'AI'),
    )) {
      const delay = j.events.find((e) => e.code === 'DL' || e.code === 'WX');
      const after = j.estimates.find((e) => e.fromOffsetMinutes === delay?.offsetMinutes);
      const pushed = (after?.deliveryOffsetMinutes as number) - j.plannedDeliveryOffsetMinutes;
      expect([1440, 2880]).toContain(pushed);
    }
  });

  it('are the same for the same number, and differ between numbers', () => {
    const n = numbers[17] as string;
    expect(journeyOf(n, { shares: DEFAULT_SHARES })).toEqual(journeyOf(n, { shares: DEFAULT_SHARES }));
    const routes = new Set(journeys.map((j) => `${j.origin.name}>${j.destination.name}`));
    expect(routes.size).toBeGreaterThan(200);
  });

  it('is null for a number that is not a sandbox number', () => {
    expect(journeyOf('SBX000000000010', { shares: DEFAULT_SHARES })).toBeNull();
    expect(journeyOf('1Z999AA10123456784', { shares: DEFAULT_SHARES })).toBeNull();
  });
});

function zoneOffset(zone: string, j: Journey, offsetMinutes: number): number {
  const at = new Date(j.labelTime.getTime() + offsetMinutes * 60_000);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value as string;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}
