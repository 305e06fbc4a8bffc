import type { ShipmentSummaryView, ShipmentView } from '../shipments/shipments.schemas.js';
import type { OrderRow } from './orders.repository.js';
import type { OrderView } from './orders.schemas.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/**
 * The API shape of an order. Without PII access (a tracking:read key, embeddable in a storefront page)
 * the shopper's name, contact, address, items and the merchant's metadata are withheld.
 */
export function toOrderView<S extends ShipmentView | ShipmentSummaryView>(
  o: OrderRow,
  shipments: S[],
  pii: boolean,
  trackingUrl: string | null,
): Omit<OrderView, 'shipments'> & { shipments: S[] } {
  const address = o.shipping_address;
  return {
    id: o.id,
    orderNumber: o.order_number,
    trackingUrl,
    status: o.status,
    view: pii ? 'full' : 'tracking',
    placedAt: iso(o.placed_at),
    promisedDate: o.promised_date,
    milestones: {
      confirmedAt: iso(o.confirmed_at),
      packedAt: iso(o.packed_at),
      cancelledAt: iso(o.cancelled_at),
    },
    customer: pii
      ? {
          name: o.customer_name,
          email: o.customer_email,
          phone: o.customer_phone,
          locale: o.customer_locale,
          timeZone: o.customer_time_zone,
          smsConsent: o.sms_consent,
        }
      : null,
    shippingAddress:
      pii && address
        ? {
            line1: address.line1 ?? null,
            line2: address.line2 ?? null,
            city: address.city ?? null,
            region: address.region ?? null,
            postalCode: address.postalCode ?? null,
            countryCode: address.countryCode ?? null,
          }
        : null,
    items: pii
      ? o.items.map((i) => ({
          sku: i.sku ?? null,
          name: i.name,
          quantity: i.quantity,
          imageUrl: i.imageUrl ?? null,
          productUrl: i.productUrl ?? null,
        }))
      : null,
    metadata: pii ? (o.metadata as OrderView['metadata']) : null,
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
    shipments,
  };
}
