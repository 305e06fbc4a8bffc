import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS, WRITE_PROBLEMS } from '../http/schemas.js';
import { TrackingPageSettingsInput } from './settings.js';
import type { TrackingPageService } from './tracking-page.service.js';

const TrackingPageSettingsView = z
  .object({
    faqLinks: z.array(z.object({ label: z.string(), url: z.string() })),
    promotion: z
      .object({
        title: z.string(),
        text: z.string(),
        url: z.string().nullable(),
        imageUrl: z.string().nullable(),
      })
      .nullable(),
    hideCarrier: z.boolean(),
  })
  .meta({ id: 'TrackingPageSettings' });

// What the shoppers' tracking page shows besides the branding (set with the notification settings).

export function trackingPageSettingsRoutes(pages: TrackingPageService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tracking page'];
    app.get(
      '/v1/settings/tracking-page',
      {
        config: { scopes: ['admin'] },
        schema: {
          tags,
          operationId: 'getTrackingPageSettings',
          summary: 'Read the tracking page settings: self-service links, promotion, carrier shown or not',
          security: BEARER,
          response: { 200: TrackingPageSettingsView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => pages.settings(principalOf(request).merchantId),
    );
    app.patch(
      '/v1/settings/tracking-page',
      {
        config: { scopes: ['admin'] },
        schema: {
          tags,
          operationId: 'updateTrackingPageSettings',
          summary: 'Change the tracking page settings: fields left out keep their value, null clears',
          description:
            'The page is at /track/{merchant slug} (lookup by order number and email, phone or postal code, or by tracking number) and at the signed trackingUrl every order carries.',
          security: BEARER,
          body: TrackingPageSettingsInput.meta({ id: 'TrackingPageSettingsChange' }),
          response: { 200: TrackingPageSettingsView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request) => pages.updateSettings(principalOf(request).merchantId, request.body),
    );
  };
}
