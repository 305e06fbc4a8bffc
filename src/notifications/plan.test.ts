import { describe, expect, it } from 'vitest';
import { milestoneOf, planMessages } from './plan.js';
import { DEFAULT_SETTINGS, type NotificationSettings } from './settings.js';
import { staleReason } from './staleness.js';

const contact = {
  orderId: 'o1',
  email: 'ana@example.com',
  phone: '+48500100200',
  smsConsent: true,
  locale: 'pl',
  timeZone: 'Europe/Warsaw',
};
const noon = new Date('2026-12-07T11:00:00Z');
const ev = (topic: string, payload: Record<string, unknown>) => ({ id: 7, topic, payload });

describe('milestoneOf', () => {
  it('announces per-shipment milestones from shipment events, order milestones from the storefront', () => {
    expect(milestoneOf(ev('shipment.created', { shipmentId: 's1', orderId: 'o1' }), 'per_shipment')).toEqual({
      subject: 'shipment:s1',
      shipmentId: 's1',
      milestone: 'shipped',
      occurrence: '',
    });
    expect(
      milestoneOf(ev('shipment.status_changed', { shipmentId: 's1', status: 'returning' }), 'per_shipment')
        ?.milestone,
    ).toBe('returned');
    expect(
      milestoneOf(ev('order.status_changed', { orderId: 'o1', status: 'confirmed' }), 'per_shipment'),
    ).toEqual({ subject: 'order:o1', shipmentId: null, milestone: 'confirmed', occurrence: '' });
    // Under per-shipment messages the order's derived journey says nothing of its own.
    expect(
      milestoneOf(ev('order.status_changed', { orderId: 'o1', status: 'in_transit' }), 'per_shipment'),
    ).toBe(null);
    expect(
      milestoneOf(ev('shipment.status_changed', { shipmentId: 's1', status: 'expired' }), 'per_shipment'),
    ).toBe(null);
  });

  it('announces the order’s journey instead when messages are combined', () => {
    expect(
      milestoneOf(ev('order.status_changed', { orderId: 'o1', status: 'partially_shipped' }), 'combined'),
    ).toEqual({ subject: 'order:o1', shipmentId: null, milestone: 'shipped', occurrence: '' });
    expect(
      milestoneOf(ev('shipment.status_changed', { shipmentId: 's1', status: 'delivered' }), 'combined'),
    ).toBe(null);
    expect(milestoneOf(ev('shipment.created', { shipmentId: 's1' }), 'combined')).toBe(null);
  });

  it('keys a delay by the estimate it is about, and ignores a delay that ended', () => {
    const d = milestoneOf(
      ev('shipment.delay_changed', { shipmentId: 's1', delayReason: 'edd_passed', delayEdd: '2026-12-04' }),
      'combined',
    );
    expect(d).toMatchObject({ milestone: 'delayed', occurrence: '2026-12-04' });
    expect(
      milestoneOf(ev('shipment.delay_changed', { shipmentId: 's1', delayReason: null }), 'per_shipment'),
    ).toBe(null);
  });
});

describe('planMessages', () => {
  const ofd = ev('shipment.status_changed', { shipmentId: 's1', orderId: 'o1', status: 'out_for_delivery' });

  it('plans the channels the merchant turned on for the milestone', () => {
    const planned = planMessages(ofd, DEFAULT_SETTINGS, contact, noon);
    expect(planned.map((p) => [p.channel, p.recipient, p.notBefore])).toEqual([
      ['email', 'ana@example.com', noon],
      ['sms', '+48500100200', noon],
    ]);
    const off: NotificationSettings = {
      ...DEFAULT_SETTINGS,
      milestones: { ...DEFAULT_SETTINGS.milestones, out_for_delivery: { email: false, sms: true } },
    };
    expect(planMessages(ofd, off, contact, noon).map((p) => p.channel)).toEqual(['sms']);
  });

  it('records why nothing can be sent instead of sending', () => {
    const planned = planMessages(ofd, DEFAULT_SETTINGS, { ...contact, email: null, smsConsent: false }, noon);
    expect(planned.map((p) => [p.channel, p.recipient, p.skipReason])).toEqual([
      ['email', '', 'the order has no email address'],
      ['sms', '', 'the shopper has not agreed to SMS'],
    ]);
  });

  it('holds SMS in the shopper’s quiet hours, not email', () => {
    const late = new Date('2026-12-07T22:30:00Z'); // 23:30 in Warsaw
    const [email, sms] = planMessages(ofd, DEFAULT_SETTINGS, contact, late);
    expect(email?.notBefore).toEqual(late);
    expect(sms?.notBefore.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(sms?.holdReason).toBe('quiet_hours');
  });
});

describe('staleReason', () => {
  const at = (status: string, delayed = false) => ({ status: status as never, delayed, cancelled: false });

  it('skips out for delivery once delivered, keeps delivered', () => {
    expect(staleReason('out_for_delivery', at('delivered'))).toBe('it is delivered now');
    expect(staleReason('out_for_delivery', at('out_for_delivery'))).toBe(null);
    expect(staleReason('delivered', at('returned'))).toBe(null);
  });

  it('skips in transit once the last mile is reached, shipped once delivered', () => {
    expect(staleReason('in_transit', at('out_for_delivery'))).not.toBe(null);
    expect(staleReason('in_transit', at('in_transit'))).toBe(null);
    expect(staleReason('shipped', at('in_transit'))).toBe(null);
    expect(staleReason('shipped', at('delivered'))).not.toBe(null);
    expect(staleReason('confirmed', at('shipped'))).toBe(null);
  });

  it('skips a delay that is over, and anything about a cancelled order', () => {
    expect(staleReason('delayed', at('in_transit', false))).toBe('it is no longer delayed');
    expect(staleReason('delayed', at('in_transit', true))).toBe(null);
    expect(staleReason('delayed', at('delayed'))).toBe(null);
    expect(staleReason('confirmed', { status: 'confirmed', delayed: false, cancelled: true })).not.toBe(null);
  });
});

describe('readSettings', () => {
  it('keeps every valid stored field when one is no longer valid', async () => {
    const { readSettings } = await import('./settings.js');
    const s = readSettings(
      { splitOrders: 'combined', timeZone: 'Mars/Olympus_Mons', quietHours: null, retired: true },
      'pl-PL',
    );
    expect(s.splitOrders).toBe('combined');
    expect(s.quietHours).toBe(null);
    expect(s.timeZone).toBe('UTC');
    expect(s.defaultLocale).toBe('pl');
  });
});
