import { getAdapter } from '../carriers/registry.js';
import { NotFoundError } from '../errors.js';
import { calendarDate } from '../lib/time-zone.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { readSettings } from '../notifications/settings.js';
import type { OrdersService } from '../orders/orders.service.js';
import type { ShipmentView } from '../shipments/shipments.schemas.js';
import { readPageSettings } from '../tracking-page/settings.js';
import { expectedDelivery } from './expected.js';
import type { SupportViewRepository } from './order-view.repository.js';
import type { SupportOrderView, SupportShipmentView } from './order-view.schemas.js';
import { type ReplyShipment, suggestReply } from './reply/suggest-reply.js';

export interface AgentContext {
  merchantName: string;
  timeZone: string;
}

// The agent's view of an order: the order with its contact, every shipment with every event and where it
// came from, every message to the shopper, every webhook to the merchant's systems, and a reply to send.
// Agents see PII (their scope allows it), so nothing here is masked.

export class SupportViewService {
  constructor(
    private readonly orders: OrdersService,
    private readonly notifications: NotificationsService,
    private readonly repo: SupportViewRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Who the agent works for and the zone their times are shown in (the merchant's). */
  async agentContext(merchantId: string): Promise<AgentContext> {
    const merchant = await this.repo.merchant(merchantId);
    if (!merchant) throw new NotFoundError('Merchant');
    const settings = readSettings(merchant.notificationSettings, merchant.defaultLocale);
    return { merchantName: merchant.name, timeZone: settings.timeZone };
  }

  async view(merchantId: string, orderId: string): Promise<SupportOrderView> {
    return (await this.viewWithContext(merchantId, orderId)).view;
  }

  /** The view and the agent's context from one read of the merchant (the console's order page needs both). */
  async viewWithContext(
    merchantId: string,
    orderId: string,
  ): Promise<{ view: SupportOrderView; context: AgentContext }> {
    const { shipments, ...order } = await this.orders.get(merchantId, orderId, true);
    const shipmentIds = shipments.map((s) => s.id);
    const [payloads, notifications, webhooks, merchant] = await Promise.all([
      this.repo.eventPayloads(merchantId, shipmentIds),
      this.notifications.forOrder(merchantId, orderId, true),
      this.repo.webhookDeliveries(merchantId, [orderId, ...shipmentIds]),
      this.repo.merchant(merchantId),
    ]);
    if (!merchant) throw new NotFoundError('Merchant');
    const settings = readSettings(merchant.notificationSettings, merchant.defaultLocale);
    const hideCarrier = readPageSettings(merchant.trackingPage).hideCarrier;
    // "Past" is judged where the shopper is: the estimate is what the shopper will be told.
    const shopperZone = order.customer?.timeZone ?? settings.timeZone;
    const today = calendarDate(this.now(), shopperZone);

    const views: SupportShipmentView[] = shipments.map((s) => ({
      ...s,
      carrierName: getAdapter(s.carrier)?.name ?? s.carrier,
      expected: expectedDelivery(s, today, shopperZone),
      refreshUrl: `/v1/shipments/${s.id}/refresh`,
      events: s.events.map((e) => {
        const rawPayloadId = payloads.get(e.id) ?? null;
        return {
          ...e,
          rawPayloadId,
          rawPayloadUrl: rawPayloadId ? `/v1/raw-payloads/${rawPayloadId}` : null,
        };
      }),
    }));

    const suggestedReply = suggestReply({
      locale: order.customer?.locale ?? settings.defaultLocale,
      merchantLocale: settings.defaultLocale,
      timeZone: shopperZone,
      now: this.now(),
      customerName: order.customer?.name ?? null,
      orderNumber: order.orderNumber,
      orderStatus: order.status,
      promisedDate: order.promisedDate,
      merchantName: settings.sender.name ?? merchant.name,
      trackingUrl: order.trackingUrl,
      supportEmail: settings.branding.supportEmail,
      shipments: views.map((s) => replyShipment(s, hideCarrier)),
    });

    const view: SupportOrderView = {
      order,
      shipments: views,
      notifications,
      webhooks: webhooks.map((w) => ({
        ...w,
        endpointUrl: withoutSecrets(w.endpointUrl),
        nextAttemptAt: w.nextAttemptAt.toISOString(),
        createdAt: w.createdAt.toISOString(),
        deliveredAt: w.deliveredAt?.toISOString() ?? null,
      })),
      suggestedReply,
    };
    return { view, context: { merchantName: merchant.name, timeZone: settings.timeZone } };
  }
}

/** The facts of a shipment the reply states; where it is comes from the newest event that counted. */
function replyShipment(s: SupportShipmentView, hideCarrier: boolean): ReplyShipment {
  const last = lastCheckpoint(s);
  return {
    carrierName: hideCarrier ? null : s.carrierName,
    trackingNumber: s.trackingNumber,
    status: s.status,
    delayed: s.delayed,
    delayReason: s.delayReason,
    lastCheckpoint: last
      ? {
          at: last.occurredAt,
          city: last.location?.city ?? null,
          region: last.location?.region ?? null,
          countryCode: last.location?.countryCode ?? null,
        }
      : null,
    expected: s.expected,
    deliveredAt: s.deliveredAt,
  };
}

function lastCheckpoint(s: ShipmentView): ShipmentView['events'][number] | null {
  return s.events.find((e) => e.decision === 'applied') ?? null;
}

/**
 * An endpoint's address for agents: receivers often carry a token in the query, and endpoints are the
 * admin's to see in full (GET /v1/webhook-endpoints); the host and path say which system it is.
 */
function withoutSecrets(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}
