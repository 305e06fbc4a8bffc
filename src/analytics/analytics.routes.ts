import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS } from '../http/schemas.js';
import {
  CarrierAnalytics,
  CarrierAnalyticsQuery,
  MerchantAnalytics,
  MerchantAnalyticsQuery,
} from './analytics.schemas.js';
import type { AnalyticsService } from './analytics.service.js';

// Analytics for the people who run the store and its support: agents (and admins). Storefront keys never
// get them; they say nothing about one shopper, but they are the merchant's business figures.

export function analyticsRoutes(analytics: AnalyticsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['analytics'];

    app.get(
      '/v1/analytics/carriers',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags,
          operationId: 'getCarrierAnalytics',
          summary: 'Carrier performance per carrier and lane over a period',
          description:
            'Shipments, deliveries, on-time rates against the carrier’s first estimate and the promised date, transit days p50/p90, first-attempt delivery, exception and return rates; per lane (origin → destination country, and region with groupBy=region), per carrier and in total. Definitions: docs/analytics.md.',
          security: BEARER,
          querystring: CarrierAnalyticsQuery,
          response: { 200: CarrierAnalytics, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => analytics.carriers(principalOf(request).merchantId, request.query),
    );

    app.get(
      '/v1/analytics/merchant',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags,
          operationId: 'getMerchantAnalytics',
          summary: 'Messages sent, tracking page views and an estimate of WISMO contacts avoided',
          description:
            'Messages sent by milestone and channel, tracking page views per day, and the contacts avoided with every input of its formula, so it can be redone with other assumptions. Definitions: docs/analytics.md.',
          security: BEARER,
          querystring: MerchantAnalyticsQuery,
          response: { 200: MerchantAnalytics, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => analytics.merchant(principalOf(request).merchantId, request.query),
    );
  };
}
