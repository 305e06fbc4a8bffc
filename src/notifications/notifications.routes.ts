import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasAnyScope } from '../api-keys/scopes.js';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS, READER_SCOPES, WRITE_PROBLEMS } from '../http/schemas.js';
import { OrderIdParams } from '../orders/orders.schemas.js';
import { NotificationLog, NotificationSettingsView } from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';
import { NotificationSettingsInput } from './settings.js';

export function notificationsRoutes(notifications: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];

    app.get(
      '/v1/settings/notifications',
      {
        config: { scopes: ['admin'] },
        schema: {
          tags,
          operationId: 'getNotificationSettings',
          summary: 'Read the merchant’s notification settings',
          security: BEARER,
          response: { 200: NotificationSettingsView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => notifications.settings(principalOf(request).merchantId),
    );

    app.patch(
      '/v1/settings/notifications',
      {
        config: { scopes: ['admin'] },
        schema: {
          tags,
          operationId: 'updateNotificationSettings',
          summary: 'Change notification settings: fields left out keep their value, null clears',
          security: BEARER,
          body: NotificationSettingsInput.meta({ id: 'NotificationSettingsChange' }),
          response: { 200: NotificationSettingsView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request) => notifications.updateSettings(principalOf(request).merchantId, request.body),
    );

    app.get(
      '/v1/orders/:orderId/notifications',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags,
          operationId: 'listOrderNotifications',
          summary: 'Every message to the shopper about this order: sent, held, failed or skipped, and why',
          security: BEARER,
          params: OrderIdParams,
          response: { 200: NotificationLog, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const full = hasAnyScope(principal.scopes, ['agent']);
        return { data: await notifications.forOrder(principal.merchantId, request.params.orderId, full) };
      },
    );
  };
}
