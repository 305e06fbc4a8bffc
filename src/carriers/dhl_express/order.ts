import type { CanonicalEvent } from '../model.js';

/**
 * Oldest first by instant. A list the carrier gave newest first (MyDHL) is turned round before sorting, so
 * events at the same instant keep their real order.
 */
export function oldestFirst(events: CanonicalEvent[]): CanonicalEvent[] {
  const first = events[0]?.occurredAt ?? '';
  const last = events.at(-1)?.occurredAt ?? '';
  const list = first > last ? [...events].reverse() : events;
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt < b.e.occurredAt ? -1 : a.e.occurredAt > b.e.occurredAt ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
