import { z } from 'zod';
import { ORDER_MILESTONES, ORDER_STATUSES } from '../domain/status.js';
import { IsoDate, IsoDateTime, Uuid } from '../http/schemas.js';
import { isTimeZone } from '../lib/time-zone.js';
import {
  AttachShipmentBody,
  CarrierCode,
  ShipmentSummaryView,
  ShipmentView,
} from '../shipments/shipments.schemas.js';

// On create-or-update, an omitted field keeps its stored value and null clears it: a storefront can send
// only what changed, or the whole order every time, and the same request twice changes nothing.

const text = (max: number) => z.string().trim().min(1).max(max);

const E164 = /^\+[1-9]\d{6,14}$/;
// BCP 47 language tag, the usual subset: language, optional script, region or variant subtags.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048);

export const CustomerInput = z.strictObject({
  name: text(200).nullish(),
  email: z.email({ message: 'must be an email address' }).max(254).nullish(),
  phone: z.string().regex(E164, { message: 'must be in E.164 form, e.g. +4915112345678' }).nullish(),
  locale: z
    .string()
    .regex(LANGUAGE_TAG, { message: 'must be a language tag such as en, pl or pt-BR' })
    .nullish()
    .describe('The shopper’s preferred language for messages and the tracking page'),
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Warsaw' })
    .nullish()
    .describe('The shopper’s time zone: message times are shown in it, and SMS wait out its quiet hours'),
  smsConsent: z
    .boolean()
    .nullish()
    .describe('Whether the shopper agreed to SMS updates; without it no SMS is sent (null: false)'),
});

export const AddressInput = z.strictObject({
  line1: text(200).nullish(),
  line2: text(200).nullish(),
  city: text(100).nullish(),
  region: text(100).nullish(),
  postalCode: text(16).nullish(),
  countryCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as PL' })
    .transform((c) => c.toUpperCase())
    .nullish(),
});

export const OrderItemInput = z.strictObject({
  sku: text(100).nullish(),
  name: text(300),
  quantity: z.number().int().min(1).max(100_000),
  imageUrl: HttpUrl.nullish(),
  productUrl: HttpUrl.nullish(),
});

const MetadataValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const UpsertOrderBody = z
  .strictObject({
    orderNumber: text(64).describe(
      'The storefront’s own order number; creates the order or updates the existing one',
    ),
    placedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).nullish(),
    promisedDate: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).nullish(),
    customer: CustomerInput.optional(),
    shippingAddress: AddressInput.nullish(),
    items: z.array(OrderItemInput).max(500).optional(),
    metadata: z
      .record(z.string().min(1).max(64), MetadataValue)
      .refine((m) => Object.keys(m).length <= 50, { message: 'may hold at most 50 keys' })
      .optional()
      .describe('Free-form key/value pairs for the storefront'),
    shipments: z
      .array(AttachShipmentBody)
      .max(50)
      .optional()
      .describe('Shipments to attach now (idempotent)'),
  })
  .meta({ id: 'UpsertOrder' });
export type UpsertOrderBody = z.infer<typeof UpsertOrderBody>;

export const MilestoneBody = z
  .strictObject({
    milestone: z.enum(ORDER_MILESTONES),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  })
  .meta({ id: 'Milestone' });

export const OrderIdParams = z.strictObject({ orderId: Uuid });
export const OrderNumberParams = z.strictObject({ orderNumber: text(64) });

export const ListOrdersQuery = z.strictObject({
  status: z
    .string()
    .max(400)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ORDER_STATUSES)).min(1))
    .optional()
    .describe('Comma-separated order statuses'),
  carrier: CarrierCode.optional().describe('Only orders with a shipment of this carrier'),
  updated_since: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional().describe('nextCursor from the previous page'),
});

const CustomerView = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  smsConsent: z.boolean(),
});

const AddressView = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  countryCode: z.string().nullable(),
});

const ItemView = z.object({
  sku: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int(),
  imageUrl: z.string().nullable(),
  productUrl: z.string().nullable(),
});

const orderFields = {
  trackingUrl: z
    .string()
    .nullable()
    .describe(
      'A signed link to the order’s whole tracking page (expires after TRACKING_LINK_TTL), for the order history; null for tracking:read keys, which the link would let past the page’s contact check',
    ),
  id: Uuid,
  orderNumber: z.string(),
  status: z.enum(ORDER_STATUSES),
  view: z
    .enum(['full', 'tracking'])
    .describe('"tracking" for keys without PII access: customer, address, items and metadata are null'),
  placedAt: IsoDateTime.nullable(),
  promisedDate: IsoDate.nullable(),
  milestones: z.object({
    confirmedAt: IsoDateTime.nullable(),
    packedAt: IsoDateTime.nullable(),
    cancelledAt: IsoDateTime.nullable(),
  }),
  customer: CustomerView.nullable(),
  shippingAddress: AddressView.nullable(),
  items: z.array(ItemView).nullable(),
  metadata: z.record(z.string(), MetadataValue).nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};

export const OrderView = z.object({ ...orderFields, shipments: z.array(ShipmentView) }).meta({ id: 'Order' });
export const OrderListItemView = z
  .object({ ...orderFields, shipments: z.array(ShipmentSummaryView) })
  .meta({ id: 'OrderListItem' });
export const OrderListView = z
  .object({
    data: z.array(OrderListItemView),
    nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  })
  .meta({ id: 'OrderList' });

export type OrderView = z.infer<typeof OrderView>;
export type OrderListItemView = z.infer<typeof OrderListItemView>;
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;
