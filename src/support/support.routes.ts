import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS } from '../http/schemas.js';
import { SupportOrderParams, SupportOrderView } from './order-view.schemas.js';
import type { SupportViewService } from './order-view.service.js';
import { SearchQuery, SearchResult } from './search.schemas.js';
import type { SearchService } from './search.service.js';

// Support agents' routes: they see shoppers' contact details, so the agent scope (or admin) only.

export function supportRoutes(search: SearchService, orderView: SupportViewService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/search',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags: ['support'],
          operationId: 'searchOrders',
          summary: 'Find orders by order number, email, phone, tracking number or name, best match first',
          description:
            'Case-insensitive; partial matches from 3 characters; phones match on their digits whatever the format.',
          security: BEARER,
          querystring: SearchQuery,
          response: { 200: SearchResult, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => search.search(principalOf(request).merchantId, request.query.q, request.query.limit),
    );

    app.get(
      '/v1/support/orders/:orderId',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags: ['support'],
          operationId: 'getOrderSupportView',
          summary: 'Everything about an order for a support agent, with a suggested reply',
          description:
            'The order and its shopper’s contact; each shipment with its status, delay, estimates (the one to tell the shopper in `expected`), freshness and every carrier event with its decision and raw payload link; every message sent to the shopper; every merchant webhook delivery of its events; and a reply in the shopper’s language stating where the parcel is, when it should arrive, what happens next and what the shopper can do. POST `refreshUrl` to ask the carrier now.',
          security: BEARER,
          params: SupportOrderParams,
          response: { 200: SupportOrderView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => orderView.view(principalOf(request).merchantId, request.params.orderId),
    );
  };
}
