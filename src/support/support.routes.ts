import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS } from '../http/schemas.js';
import { SearchQuery, SearchResult } from './search.schemas.js';
import type { SearchService } from './search.service.js';

// Support agents' routes: they see shoppers' contact details, so the agent scope (or admin) only.

export function supportRoutes(search: SearchService): FastifyPluginAsyncZod {
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
  };
}
