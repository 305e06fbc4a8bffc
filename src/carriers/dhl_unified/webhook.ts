import { MIB } from '../support/signature.js';
import type { WebhookScheme } from '../webhook.js';

// DHL's Shipment Tracking Push API lets a subscription name an authentication header and token
// (`hook.authentication`, type ApiKeyAuthentication), but DHL does not document what a push then carries,
// and it signs nothing. Its connections are authenticated by a secret token in the webhook URL instead.

export const webhook: WebhookScheme = {
  description: 'not confirmed by DHL’s documentation: authenticated by a secret token in the URL',
  docs: 'https://developer.dhl.com/api-reference/shipment-tracking-unified-push',
  setup:
    'Create a push subscription (Shipment Tracking – Unified – Push API) whose hook URL is the webhook URL with its token.',
  note: 'Not confirmed: DHL does not document what a push carries to authenticate itself. Subscription messages (subscription.validate, …) posted to the same URL are stored and ignored.',
  confirmed: false,
  secretIssuedBy: 'wismo',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['user-agent'],
};
