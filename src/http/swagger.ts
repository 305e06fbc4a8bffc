import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const API_VERSION = '0.1.0';

/** OpenAPI 3.1 generated from the routes' zod schemas; Swagger UI at /docs. */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'wismo',
        version: API_VERSION,
        description:
          'Self-hosted order tracking. Storefronts register orders and shipments; wismo normalizes carrier events into one status model and answers "where is my order?".',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: wismo_xxxxxxxxxxxx_…' },
        },
      },
      tags: [
        { name: 'orders', description: 'Orders, milestones and their shipments' },
        { name: 'tracking', description: 'Tracking reads by shipment or tracking number' },
        { name: 'ops', description: 'Health and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', logLevel: 'warn' });
}
