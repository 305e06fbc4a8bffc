import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips a keyset', () => {
    const k = { at: new Date('2026-11-20T10:00:00.123Z'), id: '4823885e-fb10-401a-98a7-086346767506' };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
  });

  it('rejects tokens it did not make', () => {
    for (const bad of [
      '',
      'abc',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["x","y"]').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(
      decodeCursor(Buffer.from('["2026-11-20T10:00:00Z","1; DROP TABLE"]').toString('base64url')),
    ).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('orders keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
