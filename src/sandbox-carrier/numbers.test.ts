import { describe, expect, it } from 'vitest';
import { isValidSandboxNumber, sandboxTrackingNumber } from '../carriers/sandbox/format.js';
import { decodeNumber, labelNumber, normalizeNumber } from './numbers.js';

describe('sandbox numbers', () => {
  it('carry their label time (whole seconds) and serial, with a valid Luhn digit', () => {
    const at = new Date('2026-11-22T08:30:15.750Z');
    for (const serial of [0, 1, 42, 99]) {
      const n = labelNumber(at, serial);
      expect(n).toMatch(/^SBX\d{12}$/);
      expect(isValidSandboxNumber(n)).toBe(true);
      expect(decodeNumber(n)).toEqual({ labelTime: new Date('2026-11-22T08:30:15.000Z'), serial });
    }
    expect(labelNumber(new Date('2025-01-01T00:00:00Z'), 1)).toBe(sandboxTrackingNumber(1));
  });

  it('round-trip over the whole range', () => {
    for (const seconds of [0, 1, 86_399, 123_456_789, 999_999_999]) {
      const labelTime = new Date(Date.UTC(2025, 0, 1) + seconds * 1000);
      expect(decodeNumber(labelNumber(labelTime, 7))).toEqual({ labelTime, serial: 7 });
    }
    expect(() => labelNumber(new Date('2024-12-31T23:59:59Z'), 0)).toThrow(RangeError);
    expect(() => labelNumber(new Date('2026-01-01T00:00:00Z'), 100)).toThrow(RangeError);
  });

  it('give null for anything that is not a valid SBX number', () => {
    const good = labelNumber(new Date('2026-03-01T12:00:00Z'), 3);
    const wrongDigit = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    for (const bad of [
      wrongDigit,
      good.slice(0, -1),
      `${good}0`,
      good.replace('SBX', 'SBY'),
      '',
      '1Z999AA10123456784',
    ]) {
      expect(decodeNumber(bad)).toBeNull();
    }
    expect(normalizeNumber(` ${good.toLowerCase().slice(0, 6)}-${good.slice(6)} `)).toBe(good);
  });
});
