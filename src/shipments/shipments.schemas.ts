import { z } from 'zod';
import { getAdapter } from '../carriers/registry.js';
import {
  DELAY_REASONS,
  EVENT_DECISIONS,
  OFFSET_SOURCES,
  ORDER_STATUSES,
  SHIPMENT_STATUSES,
  TRACKING_SOURCES,
} from '../domain/status.js';
import { IsoDate, IsoDateTime, Uuid } from '../http/schemas.js';
import { normalizeTrackingNumber, TRACKING_NUMBER_PATTERN } from './tracking-number.js';

// Carrier codes are wismo's own short names ("ups", "dhl_express", "sandbox"), one per adapter in
// src/carriers/; a code no adapter has is refused rather than tracked forever as pending.
const CARRIER_CODE = /^[a-z][a-z0-9_]{1,31}$/;

export const CarrierCode = z
  .string()
  .regex(CARRIER_CODE, {
    message: 'must be a carrier code: lower-case letters, digits and _, 2-32 characters',
  })
  // One reason per field: a code of the wrong shape is reported by the pattern alone.
  .refine((code) => !CARRIER_CODE.test(code) || getAdapter(code) !== undefined, {
    message: 'is not a carrier wismo knows; GET /v1/carriers lists them',
  })
  .describe('Carrier code, e.g. "ups", "fedex", "dhl_express" (GET /v1/carriers lists them)');

export const TrackingNumberInput = z
  .string()
  .max(80)
  .transform(normalizeTrackingNumber)
  .pipe(
    z.string().regex(TRACKING_NUMBER_PATTERN, {
      message: 'must be 4-64 letters and digits (spaces and dashes are ignored)',
    }),
  )
  .describe('Tracking number; spaces and dashes are ignored, letters are upper-cased');

export const ShipmentItemInput = z.strictObject({
  sku: z.string().trim().min(1).max(100),
  quantity: z.number().int().min(1).max(100_000),
});

export const AttachShipmentBody = z
  .strictObject({
    carrier: CarrierCode.optional().describe(
      'Carrier code; omit to let wismo detect it from the number (POST /v1/carriers/detect). Sending it later for the same number corrects a detected carrier.',
    ),
    trackingNumber: TrackingNumberInput,
    items: z
      .array(ShipmentItemInput)
      .max(500)
      .optional()
      .describe('The order items in this parcel, by SKU; omit when the parcel holds the whole order'),
  })
  .meta({ id: 'AttachShipment' });

const Location = z.object({
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  countryCode: z.string().nullable(),
});

export const TrackingEventView = z
  .object({
    id: z.number().int(),
    occurredAt: IsoDateTime.describe('The instant, in UTC'),
    occurredAtLocal: z
      .string()
      .nullable()
      .describe('The time as the carrier wrote it, with its offset when it had one'),
    utcOffsetMinutes: z
      .number()
      .int()
      .nullable()
      .describe('The offset from UTC the instant was computed with, in minutes east of UTC'),
    offsetSource: z
      .enum(OFFSET_SOURCES)
      .describe(
        'Where the offset came from: the carrier, the zone of the event’s location, or nowhere (UTC assumed)',
      ),
    status: z.enum(SHIPMENT_STATUSES),
    substatus: z.string().nullable(),
    rawCode: z.string().describe('The carrier’s own event code'),
    rawText: z.string().describe('The carrier’s own description'),
    mapped: z
      .boolean()
      .describe(
        'False when the carrier’s code was not in wismo’s table and the status came from its class or text',
      ),
    location: Location.nullable(),
    decision: z.enum(EVENT_DECISIONS).describe('What status derivation did with this event'),
    recordedAt: IsoDateTime,
  })
  .meta({ id: 'TrackingEvent' });

const Edd = z.object({
  carrier: z
    .object({
      date: IsoDate.nullable(),
      windowStart: IsoDateTime.nullable(),
      windowEnd: IsoDateTime.nullable(),
    })
    .nullable()
    .describe('The carrier’s estimate: a date or a time window'),
  promised: IsoDate.nullable().describe('The date the storefront promised the shopper'),
  predicted: IsoDate.nullable().describe('wismo’s own prediction from this carrier and lane'),
  first: IsoDate.nullable().describe('The first estimate ever given'),
  latest: IsoDate.nullable().describe('The most recent estimate'),
});

const Freshness = z.object({
  lastCheckedAt: IsoDateTime.nullable().describe('When the carrier was last asked or last pushed'),
  nextCheckAt: IsoDateTime.nullable(),
  lastSource: z.enum(TRACKING_SOURCES).nullable(),
  lastError: z.string().nullable(),
  lastEventAt: IsoDateTime.nullable(),
});

export const ShipmentSummaryView = z
  .object({
    id: Uuid,
    orderId: Uuid,
    carrier: z.string(),
    carrierSource: z
      .enum(['merchant', 'detected'])
      .describe('Whether the storefront named the carrier or wismo detected it from the number'),
    trackingNumber: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    substatus: z.string().nullable(),
    delayed: z.boolean(),
    delayReason: z.enum(DELAY_REASONS).nullable(),
    items: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    service: z.string().nullable().describe('The carrier’s service name'),
    signedBy: z.string().nullable().describe('Who signed for the delivery, as the carrier reports it'),
    pieces: z.number().int().nullable().describe('Number of pieces, for multi-piece shipments'),
    origin: Location.nullable(),
    destination: Location.nullable(),
    carrierStatus: z
      .object({ code: z.string().nullable(), text: z.string().nullable() })
      .nullable()
      .describe(
        'The carrier’s own shipment-level status, for diagnosis; `status` is derived from the events',
      ),
    edd: Edd,
    freshness: Freshness,
    shippedAt: IsoDateTime.nullable(),
    deliveredAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'ShipmentSummary' });

export const ShipmentView = ShipmentSummaryView.extend({
  events: z.array(TrackingEventView).describe('Carrier events, newest first'),
}).meta({ id: 'Shipment' });

export const OrderRef = z
  .object({
    id: Uuid,
    orderNumber: z.string(),
    status: z.enum(ORDER_STATUSES),
    promisedDate: IsoDate.nullable(),
  })
  .meta({ id: 'OrderRef' });

export const ShipmentTrackingView = ShipmentView.extend({ order: OrderRef }).meta({ id: 'ShipmentTracking' });

export const TrackingLookupView = z
  .object({
    trackingNumber: z.string(),
    data: z.array(ShipmentTrackingView).describe('Usually one; several when carriers reuse a number'),
  })
  .meta({ id: 'TrackingLookup' });

export type ShipmentSummaryView = z.infer<typeof ShipmentSummaryView>;
export type ShipmentView = z.infer<typeof ShipmentView>;
export type TrackingEventView = z.infer<typeof TrackingEventView>;
export type ShipmentTrackingView = z.infer<typeof ShipmentTrackingView>;
export type OrderRef = z.infer<typeof OrderRef>;
