import { describe, expect, it } from 'vitest';
import type { ShipmentStatus } from '../domain/status.js';
import { type DerivableEvent, deriveShipment } from './derive.js';

// The precedence rules of DESIGN.md, "Deriving status", one case each.

let n = 0;
function ev(status: ShipmentStatus, at: string, extra: Partial<DerivableEvent> = {}): DerivableEvent {
  n += 1;
  return {
    key: `k${n}`,
    occurredAt: `2026-11-${at}:00.000Z`,
    status,
    substatus: null,
    rawCode: `C${n}`,
    ...extra,
  };
}
const decisions = (d: ReturnType<typeof deriveShipment>, events: DerivableEvent[]) =>
  events.map((e) => d.decisions.get(e.key));

describe('deriveShipment', () => {
  it('is pending without events', () => {
    expect(deriveShipment([])).toMatchObject({
      status: 'pending',
      substatus: null,
      lastEventAt: null,
      shippedAt: null,
    });
  });

  it('moves forward through the journey and records when it shipped and was delivered', () => {
    const events = [
      ev('info_received', '20T08:00'),
      ev('in_transit', '20T10:00', { substatus: 'picked_up' }),
      ev('out_for_delivery', '21T07:00'),
      ev('delivered', '21T12:00'),
    ];
    const d = deriveShipment(events);
    expect(d).toMatchObject({
      status: 'delivered',
      shippedAt: '2026-11-20T10:00:00.000Z',
      deliveredAt: '2026-11-21T12:00:00.000Z',
      lastEventAt: '2026-11-21T12:00:00.000Z',
    });
    expect(decisions(d, events)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });

  it('ignores a late scan after delivery (out_of_order), whatever order they arrived in', () => {
    const events = [ev('in_transit', '20T10:00'), ev('delivered', '21T12:00'), ev('in_transit', '21T18:00')];
    const d = deriveShipment([...events].reverse());
    expect(d.status).toBe('delivered');
    expect(decisions(d, events)).toEqual(['applied', 'applied', 'out_of_order']);
  });

  it('never steps back from the last mile to in transit, but a new delivery round is news', () => {
    const events = [
      ev('out_for_delivery', '21T07:00'),
      ev('attempt_failed', '21T15:00'),
      ev('in_transit', '21T20:00'),
      ev('out_for_delivery', '22T07:00'),
    ];
    const d = deriveShipment(events);
    expect(d.status).toBe('out_for_delivery');
    expect(decisions(d, events)).toEqual(['applied', 'applied', 'out_of_order', 'applied']);
  });

  it('shows an exception until progress resumes, then marks it superseded', () => {
    const events = [
      ev('in_transit', '20T10:00'),
      ev('exception', '21T10:00', { substatus: 'address_issue' }),
    ];
    expect(deriveShipment(events)).toMatchObject({ status: 'exception', substatus: 'address_issue' });
    const later = ev('out_for_delivery', '22T07:00');
    const d = deriveShipment([...events, later]);
    expect(d.status).toBe('out_for_delivery');
    expect(decisions(d, [...events, later])).toEqual(['applied', 'superseded', 'applied']);
  });

  it('an exception after delivery does not undo it; a return after delivery does', () => {
    const base = [ev('in_transit', '20T10:00'), ev('delivered', '21T12:00')];
    expect(deriveShipment([...base, ev('exception', '22T10:00')]).status).toBe('delivered');
    expect(
      deriveShipment([...base, ev('returning', '23T10:00', { substatus: 'return_to_sender' })]).status,
    ).toBe('returning');
  });

  it('a delivery while returning is the parcel back at the sender', () => {
    const d = deriveShipment([
      ev('in_transit', '20T10:00'),
      ev('returning', '21T10:00'),
      ev('in_transit', '22T10:00'),
      ev('delivered', '24T10:00'),
    ]);
    expect(d).toMatchObject({ status: 'returned', deliveredAt: null });
  });

  it('cancellation overrides progress but not a delivery', () => {
    expect(deriveShipment([ev('info_received', '20T10:00'), ev('cancelled', '20T12:00')]).status).toBe(
      'cancelled',
    );
    const events = [ev('delivered', '21T12:00'), ev('cancelled', '22T12:00')];
    const d = deriveShipment(events);
    expect(d.status).toBe('delivered');
    expect(decisions(d, events)).toEqual(['applied', 'out_of_order']);
  });

  it('a second delivery scan corrects the delivery time and supersedes the first', () => {
    const events = [ev('delivered', '21T12:00'), ev('exception', '22T10:00'), ev('delivered', '23T12:00')];
    const d = deriveShipment(events);
    expect(d).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-23T12:00:00.000Z' });
    expect(decisions(d, events)).toEqual(['superseded', 'out_of_order', 'applied']);
  });

  it('raises the delayed flag for a carrier delay until the parcel moves on a step', () => {
    const delayed = [
      ev('in_transit', '20T10:00'),
      ev('in_transit', '21T10:00', { substatus: 'weather_delay' }),
    ];
    expect(deriveShipment(delayed)).toMatchObject({ status: 'in_transit', delayReason: 'carrier_reported' });
    expect(deriveShipment([...delayed, ev('in_transit', '21T18:00')]).delayReason).toBe('carrier_reported');
    expect(deriveShipment([...delayed, ev('out_for_delivery', '22T07:00')]).delayReason).toBeNull();
  });

  it('counts the same scan reported twice in another form once (duplicate)', () => {
    const a = ev('in_transit', '20T10:00', {
      rawCode: 'AR',
      key: 'a',
      rawText: 'Arrived',
      location: { city: 'LYON' },
    });
    const b = { ...a, key: 'b', occurredAt: '2026-11-20T10:00:40.000Z', location: { city: 'Lyon 03' } };
    const c = { ...a, key: 'c', rawText: 'Arrived at hub', location: { city: 'Lyon' } };
    const d = deriveShipment([b, a, c]);
    expect([d.decisions.get('a'), d.decisions.get('b'), d.decisions.get('c')]).toEqual([
      'applied',
      'duplicate',
      'duplicate',
    ]);
  });

  it('keeps two scans with the same code in the same minute apart when text and town differ', () => {
    const a = ev('in_transit', '20T10:00', {
      rawCode: 'IT',
      key: 'a',
      rawText: 'Departed facility',
      location: { city: 'Memphis' },
    });
    const b = { ...a, key: 'b', rawText: 'Arrived at facility', location: { city: 'Louisville' } };
    const d = deriveShipment([a, b]);
    expect([d.decisions.get('a'), d.decisions.get('b')]).toEqual(['applied', 'applied']);
  });

  it('within one instant, the later step counts as later', () => {
    expect(deriveShipment([ev('delivered', '21T12:00'), ev('out_for_delivery', '21T12:00')]).status).toBe(
      'delivered',
    );
  });
});
