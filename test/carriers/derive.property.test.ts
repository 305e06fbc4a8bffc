import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAdapter, mapPayload } from '../../src/carriers/registry.js';
import { type DerivableEvent, type Derived, deriveShipment } from '../../src/tracking/derive.js';
import { eventKey } from '../../src/tracking/event-key.js';
import { EXPECTED, ownerOf, readFixture } from '../helpers/carrier-fixtures.js';

// The derivation depends on the set of events only: for random permutations and repetitions of real event
// histories (every fixture shipment with events), the result equals that of the sorted, de-duplicated
// history, and deriving again changes nothing.

interface History {
  name: string;
  events: DerivableEvent[];
}

function histories(): History[] {
  const out: History[] = [];
  for (const file of new Set(EXPECTED.map((e) => e.file))) {
    const code = ownerOf(file);
    const adapter = code ? getAdapter(code) : undefined;
    if (!adapter) continue;
    const result = mapPayload(adapter, { body: readFixture(file) });
    result.shipments.forEach((s, i) => {
      if (s.events.length === 0) return;
      out.push({
        name: `${file} #${i}`,
        events: s.events.map((e) => ({ ...e, key: eventKey(adapter.code, s.trackingNumber, e) })),
      });
    });
  }
  return out;
}

const view = (d: Derived) => ({ ...d, decisions: Object.fromEntries([...d.decisions].sort()) });

const canonical = (events: readonly DerivableEvent[]) =>
  [...new Map(events.map((e) => [e.key, e])).values()].sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.key < b.key ? -1 : 1,
  );

describe('status derivation over real histories', () => {
  const all = histories();

  it('has real histories to work on', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const h of all) {
    it(`${h.name}: order and repetition of events do not matter; deriving is stable`, () => {
      const expected = view(deriveShipment(canonical(h.events)));
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...h.events), { maxLength: h.events.length * 2 }).chain((dups) => {
            const pool = [...h.events, ...dups];
            return fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length });
          }),
          (events) => {
            const once = deriveShipment(events);
            expect(view(once)).toEqual(expected);
            expect(view(deriveShipment(events))).toEqual(view(once));
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
