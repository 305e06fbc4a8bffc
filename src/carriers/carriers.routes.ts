import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BEARER, problems, READ_PROBLEMS, READER_SCOPES } from '../http/schemas.js';
import { CarrierListView, DetectCarrierBody, DetectionView } from './carriers.schemas.js';
import { detectCarrier } from './detect.js';
import { ADAPTERS } from './registry.js';

export function carriersRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/carriers',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags: ['carriers'],
          operationId: 'listCarriers',
          summary: 'The carriers and aggregators wismo speaks',
          security: BEARER,
          response: { 200: CarrierListView, ...problems(...READ_PROBLEMS) },
        },
      },
      async () => ({
        data: [...ADAPTERS]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map(({ code, name, kind }) => ({ code, name, kind })),
      }),
    );

    app.post(
      '/v1/carriers/detect',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags: ['carriers'],
          operationId: 'detectCarrier',
          summary: 'Guess the carrier of a tracking number',
          description:
            'Candidates from the number’s shape and check digit, most likely first. The same detection runs when a shipment is created without a carrier.',
          security: BEARER,
          body: DetectCarrierBody,
          response: { 200: DetectionView, ...problems(400, ...READ_PROBLEMS) },
        },
      },
      async (request) => ({
        trackingNumber: request.body.trackingNumber,
        candidates: detectCarrier(request.body.trackingNumber),
      }),
    );
  };
}
