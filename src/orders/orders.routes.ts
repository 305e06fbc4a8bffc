import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { piiAllowed, principalOf } from '../http/auth.js';
import { IdempotencyHeaders } from '../http/idempotency.js';
import { sendJsonText } from '../http/reply.js';
import { BEARER, problems, READ_PROBLEMS, READER_SCOPES, WRITE_PROBLEMS } from '../http/schemas.js';
import { AttachShipmentBody, ShipmentTrackingView } from '../shipments/shipments.schemas.js';
import {
  ListOrdersQuery,
  MilestoneBody,
  OrderIdParams,
  OrderListView,
  OrderNumberParams,
  OrderView,
  UpsertOrderBody,
} from './orders.schemas.js';
import type { OrdersService } from './orders.service.js';

export function ordersRoutes(orders: OrdersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/orders',
      {
        config: { scopes: ['orders:write'] },
        schema: {
          tags: ['orders'],
          operationId: 'upsertOrder',
          summary: 'Create an order, or update it by its order number',
          description:
            'Creates the order (201) or updates the existing order with the same orderNumber (200). Omitted fields keep their stored values; null clears them. Shipments listed are attached idempotently.',
          security: BEARER,
          headers: IdempotencyHeaders,
          body: UpsertOrderBody,
          response: { 200: OrderView, 201: OrderView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const { order, created } = await orders.upsert(principalOf(request).merchantId, request.body);
        return reply.code(created ? 201 : 200).send(order);
      },
    );

    app.get(
      '/v1/orders',
      {
        config: { scopes: ['orders:write', 'agent'] },
        schema: {
          tags: ['orders'],
          operationId: 'listOrders',
          summary: 'List orders, most recently changed first',
          security: BEARER,
          querystring: ListOrdersQuery,
          response: { 200: OrderListView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => orders.list(principalOf(request).merchantId, request.query, piiAllowed(request)),
    );

    app.get(
      '/v1/orders/:orderId',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags: ['orders'],
          operationId: 'getOrder',
          summary: 'Read an order with its shipments and events',
          security: BEARER,
          params: OrderIdParams,
          response: { 200: OrderView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) =>
        orders.get(principalOf(request).merchantId, request.params.orderId, piiAllowed(request)),
    );

    app.get(
      '/v1/orders/by-number/:orderNumber',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags: ['orders'],
          operationId: 'getOrderByNumber',
          summary: 'Read an order by the storefront’s order number',
          security: BEARER,
          params: OrderNumberParams,
          response: { 200: OrderView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) =>
        orders.getByNumber(principalOf(request).merchantId, request.params.orderNumber, piiAllowed(request)),
    );

    app.post(
      '/v1/orders/:orderId/milestones',
      {
        config: { scopes: ['orders:write'] },
        schema: {
          tags: ['orders'],
          operationId: 'addOrderMilestone',
          summary: 'Report a pre-shipment milestone: confirmed, packed or cancelled',
          description: 'Idempotent: a repeated milestone keeps the time first reported.',
          security: BEARER,
          headers: IdempotencyHeaders,
          params: OrderIdParams,
          body: MilestoneBody,
          response: { 200: OrderView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request) =>
        orders.addMilestone(
          principalOf(request).merchantId,
          request.params.orderId,
          request.body.milestone,
          request.body.occurredAt,
        ),
    );

    app.post(
      '/v1/orders/:orderId/shipments',
      {
        config: { scopes: ['orders:write'] },
        schema: {
          tags: ['orders'],
          operationId: 'attachShipment',
          summary: 'Attach a shipment (carrier and tracking number) to an order',
          description:
            'Creates the shipment (201) or returns the one already attached with this carrier and number (200). A number attached to another order of the merchant is a 409.',
          security: BEARER,
          headers: IdempotencyHeaders,
          params: OrderIdParams,
          body: AttachShipmentBody,
          response: { 200: ShipmentTrackingView, 201: ShipmentTrackingView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const { shipment, created } = await orders.attachShipment(
          principalOf(request).merchantId,
          request.params.orderId,
          request.body,
        );
        return sendJsonText(reply, shipment, created ? 201 : 200);
      },
    );
  };
}
